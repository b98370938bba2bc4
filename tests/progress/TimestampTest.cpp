// Timestamps come from the front end as ISO 8601 text; the learner's day is the local date written.
#include <gtest/gtest.h>

#include "mimesis/progress/Timestamp.hpp"

namespace mimesis {
namespace {

TEST(Timestamp, ParsesOffsetsAndKeepsTheLocalDay) {
  Result<Timestamp> t = parseTimestamp("2026-03-01T23:30:00+02:00", "--now");
  ASSERT_TRUE(t) << t.error().describe();
  EXPECT_EQ(t->utcSeconds, 1772407800 - 2 * 3600);  // 2026-03-01T23:30Z (date -d) minus the offset
  EXPECT_EQ(t->localDay(), "2026-03-01");
  EXPECT_EQ(t->iso(), "2026-03-01T23:30:00+02:00");
  Result<Timestamp> z = parseTimestamp("2026-03-01T21:30:00Z", "--now");
  ASSERT_TRUE(z);
  EXPECT_EQ(z->utcSeconds, t->utcSeconds);
  EXPECT_EQ(z->localDay(), "2026-03-01");
  Result<Timestamp> west = parseTimestamp("2026-03-01 20:30-0100", "--now");
  ASSERT_TRUE(west);
  EXPECT_EQ(west->utcSeconds, t->utcSeconds);
  Result<Timestamp> day = parseTimestamp("2026-03-02", "--now");
  ASSERT_TRUE(day);
  EXPECT_EQ(calendarDaysBetween(*t, *day), 1);
  EXPECT_NEAR(daysBetween(*t, *day), 2.5 / 24.0, 1e-9);
  EXPECT_EQ(addDays("2026-02-27", 2), "2026-03-01");
  EXPECT_EQ(dayDifference("2026-12-31", "2027-01-02"), 2);
}

TEST(Timestamp, RefusesWhatIsNotAnIsoTimeNamingTheOption) {
  for (const char* bad : {"yesterday", "2026-02-30T10:00:00Z", "2026-03-01T10:00:00", "2026-03-01T25:00:00Z",
                          "2026-03-01T10:00:00+01:00junk", "2026-03-01T10:00:00+99:00"}) {
    Result<Timestamp> t = parseTimestamp(bad, "--now");
    ASSERT_FALSE(t) << bad;
    EXPECT_EQ(t.error().code, ErrorCode::BadInput);
    EXPECT_EQ(t.error().where, "--now");
  }
}

}  // namespace
}  // namespace mimesis
