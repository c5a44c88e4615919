# One English for the site, British, with the 24-hour clock the Italian pages use
# ("Wednesday 2 December 2026, 16:30"), instead of Django's US defaults ("Dec. 2, 2026,
# 4:30 p.m."); what is not set here comes from Django's.
DATE_FORMAT = "j F Y"  # 2 December 2026
TIME_FORMAT = "H:i"  # 16:30
DATETIME_FORMAT = "l j F Y, H:i"  # Wednesday 2 December 2026, 16:30
YEAR_MONTH_FORMAT = "F Y"  # December 2026
MONTH_DAY_FORMAT = "j F"  # 2 December
SHORT_DATE_FORMAT = "d/m/Y"  # 02/12/2026
SHORT_DATETIME_FORMAT = "d/m/Y H:i"  # 02/12/2026 16:30
FIRST_DAY_OF_WEEK = 1  # Monday

# Day before month, as shown; ISO first, as <input type="date"> sends it. No US month/day.
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y"]
DATETIME_INPUT_FORMATS = [
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M:%S.%f",
    "%Y-%m-%d %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M:%S.%f",
    "%d/%m/%Y %H:%M",
    "%d/%m/%y %H:%M:%S",
    "%d/%m/%y %H:%M",
]
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
