# Django's Italian formats, with the day without a leading zero and a comma before the time
# ("mercoledì 2 dicembre 2026, 16:30"); what is not set here comes from Django's.
DATE_FORMAT = "j F Y"  # 2 dicembre 2026
TIME_FORMAT = "H:i"  # 16:30
DATETIME_FORMAT = "l j F Y, H:i"  # mercoledì 2 dicembre 2026, 16:30
YEAR_MONTH_FORMAT = "F Y"  # dicembre 2026
MONTH_DAY_FORMAT = "j F"  # 2 dicembre
SHORT_DATE_FORMAT = "d/m/Y"  # 02/12/2026
SHORT_DATETIME_FORMAT = "d/m/Y H:i"  # 02/12/2026 16:30
FIRST_DAY_OF_WEEK = 1  # lunedì
