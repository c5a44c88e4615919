# Django's Arabic formats, with the 24-hour clock of the desks' hours (shown as "H:i" on every
# page) and a date-and-time Django's module lacks (the global default is American English).
TIME_FORMAT = "H:i"  # 16:30
DATETIME_FORMAT = "j F، Y، H:i"  # 2 ديسمبر، 2026، 16:30
SHORT_DATETIME_FORMAT = "d‏/m‏/Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday, as the Italian calendar the desks keep
