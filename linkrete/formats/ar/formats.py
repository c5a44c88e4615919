# Django's Arabic formats, with the 24-hour clock of the desks' hours (shown as "H:i" on every
# page) and a date-and-time Django's module lacks (the global default is American English).
TIME_FORMAT = "H:i"  # 16:30
DATETIME_FORMAT = "j F، Y، H:i"  # 2 ديسمبر، 2026، 16:30
# U+200F (RIGHT-TO-LEFT MARK) after the day and the month, as Django's own Arabic dates; written
# as an escape so that no invisible bidirectional character sits in the source.
SHORT_DATETIME_FORMAT = "d\u200f/m\u200f/Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday, as the Italian calendar the desks keep
