// Timestamp: a moment as the front end states it (ISO 8601 with its UTC offset). The core never
// reads a clock: `mimesis` passes the real time (or --now) in, so a run is repeatable.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "mimesis/core/Error.hpp"

namespace mimesis {

struct Timestamp {
  std::int64_t utcSeconds = 0;  // seconds since 1970-01-01T00:00:00Z
  int offsetMinutes = 0;        // the local offset it was written with (east positive)
  // The learner's calendar day: the local date as written ("YYYY-MM-DD").
  std::string localDay() const;
  // Normalised ISO 8601, "YYYY-MM-DDTHH:MM:SS+HH:MM" ("Z" for offset 0).
  std::string iso() const;
};

// Accepts "YYYY-MM-DDTHH:MM[:SS[.fff]](Z|+HH:MM|-HH:MM|+HHMM)" and "YYYY-MM-DD" (midnight UTC);
// a space may stand for 'T'. Errors name `where` (the option or database) and the text.
Result<Timestamp> parseTimestamp(std::string_view text, const std::string& where);

// The same moment `seconds` later, at the same offset.
Timestamp addSeconds(const Timestamp& t, double seconds);

// (b − a) in days (fractional; negative when b is earlier).
double daysBetween(const Timestamp& a, const Timestamp& b);
// Whole calendar days from a's local day to b's local day (each at its own offset).
int calendarDaysBetween(const Timestamp& a, const Timestamp& b);
// "YYYY-MM-DD" plus `days` calendar days.
std::string addDays(const std::string& day, int days);
// Calendar days from day a to day b ("YYYY-MM-DD" each); 0 if either is malformed.
int dayDifference(const std::string& a, const std::string& b);

}  // namespace mimesis
