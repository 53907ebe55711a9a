"""Ukrainian dates as people write them: "30 серпня 2019" (Django's default adds " р.")."""

DATE_FORMAT = "j E Y"
DATETIME_FORMAT = "j E Y, H:i"
SHORT_DATE_FORMAT = "d.m.Y"
MONTH_DAY_FORMAT = "j E"
YEAR_MONTH_FORMAT = "F Y"
TIME_FORMAT = "H:i"
FIRST_DAY_OF_WEEK = 1
