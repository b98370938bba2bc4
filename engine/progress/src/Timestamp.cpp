// Timestamp: ISO 8601 parsing and calendar arithmetic on std::chrono's civil calendar.
#include "mimesis/progress/Timestamp.hpp"

#include <chrono>
#include <cmath>
#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace mimesis {
namespace {

using namespace std::chrono;

bool digits(std::string_view s, std::size_t at, std::size_t n, int& out) {
  if (at + n > s.size()) return false;
  int v = 0;
  for (std::size_t i = at; i < at + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  out = v;
  return true;
}

std::int64_t daysFromCivil(int y, int m, int d) {
  return sys_days{year{y} / month{static_cast<unsigned>(m)} / day{static_cast<unsigned>(d)}}.time_since_epoch().count();
}

year_month_day civilFromDays(std::int64_t days) { return year_month_day{sys_days{std::chrono::days{days}}}; }

std::string dayText(const year_month_day& ymd) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return buf;
}

std::int64_t floorDiv(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

bool parseDay(std::string_view s, int& y, int& m, int& d) {
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return false;
  if (!digits(s, 0, 4, y) || !digits(s, 5, 2, m) || !digits(s, 8, 2, d)) return false;
  return year_month_day{year{y} / month{static_cast<unsigned>(m)} / day{static_cast<unsigned>(d)}}.ok();
}

}  // namespace

std::string Timestamp::localDay() const {
  const std::int64_t local = utcSeconds + static_cast<std::int64_t>(offsetMinutes) * 60;
  return dayText(civilFromDays(floorDiv(local, 86400)));
}

std::string Timestamp::iso() const {
  const std::int64_t local = utcSeconds + static_cast<std::int64_t>(offsetMinutes) * 60;
  const std::int64_t day = floorDiv(local, 86400);
  const std::int64_t sec = local - day * 86400;
  char time[32];
  std::snprintf(time, sizeof time, "T%02d:%02d:%02d", static_cast<int>(sec / 3600), static_cast<int>(sec / 60 % 60),
                static_cast<int>(sec % 60));
  std::string offset = "Z";
  if (offsetMinutes != 0) {
    const int a = std::min(std::abs(offsetMinutes), 18 * 60);
    char buf[24];
    std::snprintf(buf, sizeof buf, "%c%02d:%02d", offsetMinutes < 0 ? '-' : '+', a / 60, a % 60);
    offset = buf;
  }
  return dayText(civilFromDays(day)) + time + offset;
}

Result<Timestamp> parseTimestamp(std::string_view s, const std::string& where) {
  auto bad = [&](const char* why) {
    return makeError(ErrorCode::BadInput,
                     std::string("not an ISO 8601 time (") + why + "): '" + std::string(s.substr(0, 64)) +
                         "'; expected e.g. 2026-03-14T09:30:00+01:00",
                     where);
  };
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
  if (!parseDay(s, y, mo, d)) return bad("no valid YYYY-MM-DD date");
  Timestamp t;
  if (s.size() == 10) {
    t.utcSeconds = daysFromCivil(y, mo, d) * 86400;
    return t;
  }
  if (s[10] != 'T' && s[10] != 't' && s[10] != ' ') return bad("expected 'T' after the date");
  std::size_t at = 11;
  if (!digits(s, at, 2, h) || at + 2 >= s.size() || s[at + 2] != ':' || !digits(s, at + 3, 2, mi))
    return bad("expected HH:MM after the date");
  at += 5;
  if (at < s.size() && s[at] == ':') {
    if (!digits(s, at + 1, 2, sec)) return bad("expected two digits of seconds");
    at += 3;
    if (at < s.size() && (s[at] == '.' || s[at] == ',')) {
      ++at;  // fractions of a second are dropped: the store keeps whole seconds
      int ignored = 0;
      const std::size_t from = at;
      while (at < s.size() && digits(s, at, 1, ignored)) ++at;
      if (at == from) return bad("no digits after the decimal point");
    }
  }
  if (h > 23 || mi > 59 || sec > 60) return bad("hour, minute or second out of range");
  int offset = 0;
  if (at >= s.size()) return bad("no UTC offset: add Z or +HH:MM");
  if (s[at] == 'Z' || s[at] == 'z') {
    ++at;
  } else if (s[at] == '+' || s[at] == '-') {
    const int sign = s[at] == '-' ? -1 : 1;
    int oh = 0, om = 0;
    if (!digits(s, at + 1, 2, oh)) return bad("expected +HH:MM");
    std::size_t next = at + 3;
    if (next < s.size() && s[next] == ':') ++next;
    if (!digits(s, next, 2, om)) return bad("expected +HH:MM");
    if (oh > 18 || om > 59) return bad("offset out of range");
    offset = sign * (oh * 60 + om);
    at = next + 2;
  } else {
    return bad("expected Z or +HH:MM after the time");
  }
  if (at != s.size()) return bad("unexpected text after the offset");
  t.offsetMinutes = offset;
  t.utcSeconds = daysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60 + std::min(sec, 59) -
                 static_cast<std::int64_t>(offset) * 60;
  return t;
}

Timestamp addSeconds(const Timestamp& t, double seconds) {
  Timestamp r = t;
  if (std::isfinite(seconds)) r.utcSeconds += static_cast<std::int64_t>(std::floor(seconds));
  return r;
}

double daysBetween(const Timestamp& a, const Timestamp& b) {
  return static_cast<double>(b.utcSeconds - a.utcSeconds) / 86400.0;
}

int dayDifference(const std::string& a, const std::string& b) {
  int ya = 0, ma = 0, da = 0, yb = 0, mb = 0, db = 0;
  if (!parseDay(a, ya, ma, da) || !parseDay(b, yb, mb, db)) return 0;
  return static_cast<int>(daysFromCivil(yb, mb, db) - daysFromCivil(ya, ma, da));
}

int calendarDaysBetween(const Timestamp& a, const Timestamp& b) { return dayDifference(a.localDay(), b.localDay()); }

std::string addDays(const std::string& day, int days) {
  int y = 0, m = 0, d = 0;
  if (!parseDay(day, y, m, d)) return day;
  return dayText(civilFromDays(daysFromCivil(y, m, d) + days));
}

}  // namespace mimesis
