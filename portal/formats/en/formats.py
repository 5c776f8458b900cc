# One date format for the portal in English; times say their time zone (docs/languages.md).
DATE_FORMAT = "F j, Y"
DATETIME_FORMAT = "F j, Y, g:i A T"
TIME_FORMAT = "g:i A T"
MONTH_DAY_FORMAT = "F j"
SHORT_DATE_FORMAT = "m/d/Y"
SHORT_DATETIME_FORMAT = "m/d/Y g:i A"
DATE_INPUT_FORMATS = ["%m/%d/%Y", "%Y-%m-%d", "%m/%d/%y"]
