# Django's Albanian formats, with the 24-hour clock of the desks' hours and a date-and-time
# Django's module lacks (the global default is American English).
DATE_FORMAT = "j F Y"  # 2 dhjetor 2026
TIME_FORMAT = "H:i"  # 16:30
DATETIME_FORMAT = "j F Y, H:i"  # 2 dhjetor 2026, 16:30
SHORT_DATE_FORMAT = "d.m.Y"  # 02.12.2026
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
FIRST_DAY_OF_WEEK = 1  # e hënë
