# The portal's one English date style: "March 15, 2027, 6:00 p.m." (see portal/i18n/dates.py).
DATE_FORMAT = "F j, Y"
TIME_FORMAT = "g:i a"
DATETIME_FORMAT = "F j, Y, g:i a"
SHORT_DATE_FORMAT = "m/d/Y"
MONTH_DAY_FORMAT = "F j"
