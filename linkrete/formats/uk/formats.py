# Django's Ukrainian formats, with the month in the genitive after a day ("2 грудня", not
# "02 грудень"), as DATE_FORMAT already has it.
DATE_FORMAT = "j E Y р."  # 2 грудня 2026 р.
DATETIME_FORMAT = "j E Y р., H:i"  # 2 грудня 2026 р., 16:30
MONTH_DAY_FORMAT = "j E"  # 2 грудня
