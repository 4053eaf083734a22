# ruff: noqa: E501
"""Letter templates for the dormancy review, in Persian and English.

The letters are content sent abroad in both languages whatever the UI language, so they
are kept here as text templates rather than as UI translations.
"""

from __future__ import annotations

import datetime as dt

from peyvand.core.dates import to_jalali
from peyvand.core.text import to_persian_digits

from .models import Partnership

REVIVE_FA = """به نام خدا

شهردار محترم {partner_fa}

با سلام و احترام،
پیوند {kind_fa} میان شهرهای {home_fa} و {partner_fa} که در سال {year_fa} امضا شد، سرمایه‌ای ارزشمند برای دو شهر است. بر آنیم این پیوند را با برنامه‌ای مشخص دوباره فعال کنیم و پیشنهاد می‌کنیم تا {deadline_fa} گام‌های زیر را با همکاری یکدیگر برداریم:
{plan_fa}
خرسند می‌شویم نظر و پیشنهادهای آن شهر را دریافت کنیم.

با احترام،
{office_fa}
"""

REVIVE_EN = """Dear Mayor of {partner_en},

The {kind_en} between {home_en} and {partner_en}, signed in {year_en}, is a valuable bond between our cities. We would like to bring it back to life with a concrete plan, and propose that by {deadline_en} we take the following steps together:
{plan_en}
We would be glad to hear your views and proposals.

Yours sincerely,
{office_en}
"""

RETIRE_FA = """به نام خدا

شهردار محترم {partner_fa}

با سلام و احترام،
پس از بررسی پیوند {kind_fa} میان {home_fa} و {partner_fa}، به این نتیجه رسیدیم که این پیوند در سال‌های اخیر فعالیتی نداشته است و آن را به‌صورت رسمی پایان می‌دهیم. از همکاری‌های گذشته سپاسگزاریم و درِ همکاری‌های آینده همچنان باز است.

با احترام،
{office_fa}
"""

RETIRE_EN = """Dear Mayor of {partner_en},

Having reviewed the {kind_en} between {home_en} and {partner_en}, we have concluded that it has seen no activity in recent years, and we formally bring it to a close. We thank you for the cooperation of the past; the door to future cooperation remains open.

Yours sincerely,
{office_en}
"""

KIND_FA = {
    "sister": "خواهرخواندگی",
    "friendship": "دوستی",
    "cooperation": "همکاری",
    "mou": "تفاهم‌نامه",
    "other": "همکاری",
}
KIND_EN = {
    "sister": "sister-city partnership",
    "friendship": "friendship",
    "cooperation": "cooperation agreement",
    "mou": "memorandum of understanding",
    "other": "partnership",
}


def _context(p: Partnership, deadline: dt.date | None, plan: list[str]) -> dict[str, str]:
    partner = p.partner_city
    home = p.office.home_city
    year = p.signed_on.year if p.signed_on else None
    jdeadline = to_jalali(deadline) if deadline else None
    return {
        "partner_fa": partner.name_fa_display or partner.name_en,
        "partner_en": partner.name_en or partner.name_fa_display,
        "home_fa": (home.name_fa_display or home.name_en) if home else p.office.name_fa,
        "home_en": (home.name_en if home else p.office.name_en),
        "kind_fa": KIND_FA.get(p.kind, "همکاری"),
        "kind_en": KIND_EN.get(p.kind, "partnership"),
        "year_fa": to_persian_digits(to_jalali(p.signed_on).year) if p.signed_on else "—",
        "year_en": str(year) if year else "—",
        "deadline_fa": to_persian_digits(
            f"{jdeadline.year}/{jdeadline.month:02d}/{jdeadline.day:02d}"
        )
        if jdeadline
        else "—",
        "deadline_en": deadline.isoformat() if deadline else "—",
        "plan_fa": "\n".join(f"- {line}" for line in plan) or "-",
        "plan_en": "\n".join(f"- {line}" for line in plan) or "-",
        "office_fa": p.office.name_fa,
        "office_en": p.office.name_en,
    }


def revive_letters(
    p: Partnership, deadline: dt.date | None, plan: list[str] | None = None
) -> tuple[str, str]:
    ctx = _context(p, deadline, plan or [])
    return REVIVE_FA.format(**ctx), REVIVE_EN.format(**ctx)


def retire_letters(p: Partnership) -> tuple[str, str]:
    ctx = _context(p, None, [])
    return RETIRE_FA.format(**ctx), RETIRE_EN.format(**ctx)
