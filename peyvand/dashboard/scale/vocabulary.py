"""The words of the scale data: titles, names and notes an office writes, in Persian first.

The demo's lists (`partnerships.demo`, `accounts.demo`) come first; the rest widens them so
that a million activities do not all repeat twelve titles.
"""

from __future__ import annotations

from decimal import Decimal

from peyvand.accounts.demo import DEMO_DEPARTMENTS
from peyvand.partnerships import letters
from peyvand.partnerships.demo import ACTIVITY_TITLES, COMMITMENTS, OUTCOMES

# (kind, initiated_by, area code, title), as in the demo.
TITLES: list[tuple[str, str, str, str]] = [
    *ACTIVITY_TITLES,
    ("visit_out", "us", "urban-planning", "سفر هیئت شهرسازی برای بازدید از بافت تاریخی"),
    ("visit_in", "partner", "economy", "بازدید هیئت تجاری شهر همکار از منطقه ویژه اقتصادی"),
    ("event", "joint", "sport", "مسابقه دوستانه فوتبال نوجوانان دو شهر"),
    ("joint_project", "joint", "water", "پروژه مشترک کاهش هدررفت آب شبکه شهری"),
    ("exchange", "us", "crisis", "دوره آموزشی آتش‌نشانان در شهر همکار"),
    ("online_meeting", "partner", "smart-city", "نشست برخط درباره سامانه پرداخت الکترونیک کرایه"),
    ("cultural", "partner", "culture", "نمایشگاه عکس شهر همکار در فرهنگسرا"),
    ("business", "us", "economy", "همایش بازرگانی و معرفی فرصت‌های صادراتی"),
    ("event", "us", "education", "جشنواره نقاشی کودکان با موضوع دوستی دو شهر"),
    ("joint_project", "partner", "environment", "پروژه مشترک کاشت درخت و کمربند سبز"),
    ("exchange", "joint", "health", "تبادل پزشکان اورژانس شهری"),
    ("visit_out", "us", "governance", "سفر شهردار و اعضای شورا به شهر همکار"),
    ("online_meeting", "joint", "social", "نشست برخط خدمات اجتماعی برای سالمندان"),
    ("cultural", "joint", "culture", "شب شعر و موسیقی مشترک"),
    ("event", "partner", "science", "همایش علمی دانشگاه‌های دو شهر"),
    ("joint_project", "us", "transport", "مطالعه مشترک دوچرخه‌سواری شهری"),
    ("exchange", "partner", "urban-planning", "کارگاه نوسازی بافت فرسوده"),
    ("other", "us", "governance", "گزارش سالانه همکاری به شورای شهر"),
]
# Letters: not substantive for the health score unless an outcome is recorded.
CORRESPONDENCE_TITLES = [
    "نامه تبریک نوروز",
    "مکاتبه درباره برنامه همکاری سالانه",
    "نامه تبریک سال نو میلادی",
    "دعوت‌نامه برای همایش شهرداران",
    "پاسخ به نامه شهردار شهر همکار",
    "نامه تسلیت",
]
DESCRIPTIONS = [
    "هیئتی از کارشناسان دو شهر در این برنامه شرکت کردند.",
    "گزارش کامل در دبیرخانه اداره روابط بین‌الملل نگهداری می‌شود.",
    "پیگیری‌ها در نشست بعدی کمیته مشترک بررسی می‌شود.",
    "با همراهی سفارت و رایزنی فرهنگی برگزار شد.",
]
# (kind, value, unit): the demo's, then more; values are scaled at random.
OUTCOME_TEMPLATES: list[tuple[str, float, str]] = [
    *((str(o["kind"]), float(str(o["value"])), str(o["unit"])) for o in OUTCOMES),
    ("trade", 1.2, "میلیون یورو"),
    ("grant", 150, "هزار یورو"),
    ("people", 12, "کارشناس"),
    ("other", 1, "گزارش"),
]
OUTCOME_NOTES = ["", "", "برآورد اداره", "بر پایه گزارش شهر همکار", "در حال پیگیری"]
COMMITMENT_TITLES: list[tuple[str, str]] = [
    *COMMITMENTS,
    ("راه‌اندازی سامانه مشترک تبادل داده‌های ترافیک", "transport"),
    ("برگزاری نشست سالانه کمیته مشترک", "governance"),
    ("تبادل دانشجو در رشته‌های شهرسازی", "education"),
    ("انتشار گزارش مشترک مدیریت پسماند", "waste"),
    ("برگزاری رزمایش مشترک مدیریت بحران", "crisis"),
    ("معرفی فرصت‌های سرمایه‌گذاری به بازرگانان شهر همکار", "economy"),
    ("تدوین برنامه مشترک کاهش آلودگی هوا", "environment"),
    ("برگزاری هفته گردشگری", "culture"),
]
DROP_REASONS = [
    "اولویت‌های دو شهر تغییر کرد.",
    "بودجه لازم تأمین نشد.",
    "شهر همکار به پیشنهاد پاسخ نداد.",
]
EVIDENCE_NOTES = ["صورت‌جلسه نشست پایانی", "گزارش اجرای برنامه", "نامه تأیید شهر همکار"]
END_REASONS = [
    "پس از سال‌ها بی‌فعالیتی با توافق دو طرف پایان یافت.",
    "اولویت‌های سیاست خارجی شهر تغییر کرد.",
    "شهر همکار همکاری را ادامه نداد.",
]
RENEWAL_REASON = "با تفاهم‌نامه تازه‌ای جایگزین شد."
DEPARTMENTS: list[tuple[str, str]] = [
    *DEMO_DEPARTMENTS,
    ("اقتصاد و سرمایه‌گذاری", "Economy and Investment"),
    ("سلامت و خدمات اجتماعی", "Health and Social Services"),
    ("آب و فاضلاب", "Water and Sewerage"),
    ("فناوری اطلاعات و شهر هوشمند", "ICT and Smart City"),
    ("گردشگری", "Tourism"),
    ("آموزش و پژوهش", "Education and Research"),
]
KIND_FA = {
    "sister": "خواهرخواندگی",
    "friendship": "دوستی",
    "cooperation": "همکاری",
    "mou": "تفاهم‌نامه همکاری",
    "other": "همکاری",
}
# The English words of a pact's kind are the dormancy letters' own.
KIND_EN = letters.KIND_EN
AGREEMENT_LANGUAGES = ["fa, en", "fa, en", "fa, fr", "fa, de", "fa, ru", "fa, tr", "fa, ar", "en"]
ANNEX_TITLES = ["برنامه اقدام مشترک", "الحاقیه تفاهم‌نامه", "تفاهم‌نامه تمدید همکاری"]
MINISTRY = "وزارت کشور"
CENT = Decimal("0.01")

# ---------------------------------------------------------------- the other modules
# People: (Persian, English) given names and family names, mixed at random.
GIVEN_NAMES: list[tuple[str, str]] = [
    ("مریم", "Maryam"),
    ("علی", "Ali"),
    ("سارا", "Sara"),
    ("رضا", "Reza"),
    ("آنا", "Anna"),
    ("یوهان", "Johan"),
    ("ماریا", "Maria"),
    ("کنجی", "Kenji"),
    ("لیلا", "Leila"),
    ("پیتر", "Peter"),
    ("فاطمه", "Fatemeh"),
    ("حسین", "Hossein"),
    ("ایلینا", "Elena"),
    ("میشل", "Michel"),
    ("زینب", "Zeinab"),
    ("امیر", "Amir"),
]
FAMILY_NAMES: list[tuple[str, str]] = [
    ("احمدی", "Ahmadi"),
    ("کریمی", "Karimi"),
    ("موسوی", "Mousavi"),
    ("حسینی", "Hosseini"),
    ("اشمیت", "Schmidt"),
    ("روسی", "Rossi"),
    ("تاناکا", "Tanaka"),
    ("پتروف", "Petrov"),
    ("گارسیا", "Garcia"),
    ("یلماز", "Yilmaz"),
    ("رحیمی", "Rahimi"),
    ("نوری", "Nouri"),
    ("مولر", "Muller"),
    ("دوبوا", "Dubois"),
]
# (kind, Persian title, with whom)
CONTACT_TITLES: dict[str, list[str]] = {
    "partner_official": ["مدیر روابط بین‌الملل", "معاون شهردار", "مشاور شهردار", "رئیس دفتر شهردار"],
    "organization_staff": ["کارشناس برنامه", "مدیر منطقه‌ای", "دبیر کارگروه"],
    "embassy_staff": ["رایزن فرهنگی", "رایزن بازرگانی", "دبیر اول سفارت"],
    "city_ambassador": ["سفیر شهر، هنرمند", "سفیر شهر، ورزشکار", "سفیر شهر، استاد دانشگاه"],
    "other": ["مدیر شرکت", "پژوهشگر", "روزنامه‌نگار"],
}
CONTACT_KINDS = [
    ("partner_official", 45),
    ("organization_staff", 15),
    ("embassy_staff", 12),
    ("city_ambassador", 18),
    ("other", 10),
]
CONTACT_LANGUAGES = [["fa"], ["fa", "en"], ["en"], ["en", "de"], ["en", "fr"], ["ru"], ["tr"]]
CONTACT_TAGS = ["culture", "economy", "environment", "sport", "education", "media"]
CONTACT_NOTES = ["", "", "", "در نشست سالانه آشنا شدیم.", "پاسخ‌گو و پیگیر است."]
# (kind, Persian title, English title)
EVENT_TITLES: list[tuple[str, str, str]] = [
    ("summit", "اجلاس جهانی شهرداران", "World Mayors Summit"),
    ("conference", "همایش شهرهای هوشمند", "Smart Cities Conference"),
    ("forum", "مجمع جهانی شهری", "World Urban Forum"),
    ("fair", "نمایشگاه بین‌المللی گردشگری", "International Tourism Fair"),
    ("webinar", "وبینار مدیریت پسماند شهری", "Webinar on Urban Waste Management"),
    ("conference", "همایش تاب‌آوری شهری", "Urban Resilience Conference"),
    ("forum", "مجمع اقتصادی شهرهای آسیا", "Asian Cities Economic Forum"),
    ("summit", "اجلاس اقلیم و شهرها", "Cities and Climate Summit"),
    ("other", "هفته فرهنگی شهرهای خواهرخوانده", "Sister Cities Cultural Week"),
]
EVENT_DESCRIPTIONS = ["", "", "دعوت‌نامه از دبیرخانه رسیده است.", "حضور شهردار پیشنهاد شده است."]
MISSION_TITLES_OUT: list[tuple[str, str]] = [
    ("سفر هیئت شهرداری به {city}", "Municipal delegation to {city}"),
    ("بازدید کارشناسی از {city}", "Study visit to {city}"),
    ("شرکت در نشست کمیته مشترک در {city}", "Joint committee meeting in {city}"),
]
MISSION_TITLES_IN: list[tuple[str, str]] = [
    ("میزبانی هیئت {city}", "Hosting the delegation of {city}"),
    ("بازدید هیئت تجاری {city}", "Trade delegation from {city}"),
]
MISSION_PURPOSES = [
    "پیگیری برنامه همکاری و دیدار با مدیران شهر همکار.",
    "آشنایی با تجربه‌های موفق مدیریت شهری.",
    "امضای برنامه اقدام مشترک و بازدید از پروژه‌ها.",
]
OBJECTIVES = [
    "دیدار با شهردار و اعضای شورا",
    "بازدید از سامانه حمل‌ونقل عمومی",
    "امضای برنامه اقدام سالانه",
    "آشنایی با مدیریت پسماند",
    "معرفی فرصت‌های سرمایه‌گذاری",
    "برنامه‌ریزی تبادل دانشجو",
]
OBJECTIVE_NOTES = ["", "", "پیگیری در نشست بعدی", "بخشی از برنامه به سال آینده موکول شد."]
MISSION_ROLES = ["سرپرست هیئت", "کارشناس", "مترجم", "هماهنگ‌کننده", ""]
REJECT_REASONS = ["بودجه سفر تأمین نشد.", "زمان سفر با برنامه شهردار همخوان نبود."]
CANCEL_REASONS = ["شهر میزبان برنامه را لغو کرد.", "صدور روادید به موقع انجام نشد."]
REPORT_SUMMARIES = [
    "هیئت با مدیران شهر همکار دیدار کرد و برنامه همکاری سال آینده را بررسی کرد.",
    "بازدیدها طبق برنامه انجام شد و گزارش تفصیلی به شورای شهر فرستاده شد.",
]
REPORT_LESSONS = ["", "هماهنگی زودهنگام با سفارت ضروری است.", "برنامه بازدید فشرده بود."]
OBSERVED: list[tuple[str, str]] = [
    ("سامانه پرداخت یکپارچه کرایه", "یک کارت برای همه وسایل حمل‌ونقل عمومی."),
    ("تفکیک پسماند در مبدأ", "سطل‌های رنگی و آموزش محله‌ای."),
    ("بودجه‌ریزی مشارکتی", "شهروندان درباره بخشی از بودجه محله رأی می‌دهند."),
    ("پیاده‌راه‌سازی مرکز شهر", "خیابان‌های مرکزی برای پیاده‌ها بازطراحی شده است."),
]
SEATS: list[tuple[str, str]] = [
    ("board", "عضو هیئت مدیره"),
    ("executive_committee", "عضو کمیته اجرایی"),
    ("vice_presidency", "نایب‌رئیس منطقه‌ای"),
    ("working_group", "رئیس کارگروه حمل‌ونقل"),
    ("other", "نماینده در مجمع عمومی"),
]
OBLIGATIONS: list[tuple[str, str]] = [
    ("report", "ارسال گزارش سالانه"),
    ("hosting", "میزبانی نشست منطقه‌ای"),
    ("vote", "رأی‌گیری انتخابات هیئت مدیره"),
    ("survey", "پاسخ به پرسش‌نامه سالانه"),
    ("other", "معرفی نماینده به دبیرخانه"),
]
MEMBERSHIP_NOTES = ["", "", "حق عضویت از بودجه اداره پرداخت می‌شود.", "عضویت در حال بازبینی است."]
FEE_CURRENCIES = ["EUR", "EUR", "USD", "CHF"]
# (Persian title, English title, Persian summary, area code)
PRACTICES: list[tuple[str, str, str, str]] = [
    (
        "کارت یکپارچه حمل‌ونقل عمومی",
        "Integrated public transport card",
        "یک کارت برای همه وسایل حمل‌ونقل.",
        "transport",
    ),
    ("تفکیک پسماند در مبدأ", "Waste separation at source", "سطل‌های رنگی و آموزش محله‌ای.", "waste"),
    (
        "بودجه‌ریزی مشارکتی محله",
        "Participatory neighbourhood budgeting",
        "شهروندان درباره بخشی از بودجه رأی می‌دهند.",
        "governance",
    ),
    (
        "پیاده‌راه مرکز شهر",
        "Pedestrian city centre",
        "خیابان‌های مرکزی برای پیاده‌ها بازطراحی می‌شود.",
        "urban-planning",
    ),
    (
        "سامانه هشدار زودهنگام سیلاب",
        "Flood early-warning system",
        "حسگرهای رودخانه و پیامک هشدار.",
        "crisis",
    ),
    (
        "کاهش هدررفت آب با پایش هوشمند",
        "Smart leak detection",
        "پایش فشار شبکه و تعمیر سریع.",
        "water",
    ),
    (
        "بام سبز ساختمان‌های عمومی",
        "Green roofs on public buildings",
        "کاشت گیاه بر بام ساختمان‌های شهرداری.",
        "environment",
    ),
    (
        "داده باز شهری",
        "Open city data",
        "انتشار داده‌های شهری برای پژوهشگران و شهروندان.",
        "smart-city",
    ),
    (
        "مدرسه تابستانی هنر کودکان",
        "Children's summer art school",
        "کارگاه‌های هنری رایگان در فرهنگسراها.",
        "culture",
    ),
]
STAGE_REASONS = ["هزینه اجرا بیش از توان بودجه است.", "با ضوابط شهرسازی شهر همخوان نیست."]
PRACTICE_TAGS = ["pilot", "low-cost", "digital", "citizens", "climate"]
# (Persian title, English title, area code, instrument)
PITCHES: list[tuple[str, str, str, str]] = [
    ("خط تراموای شرق به غرب", "East-west tramway line", "transport", "loan"),
    ("نیروگاه خورشیدی بام‌های شهرداری", "Solar plant on municipal roofs", "environment", "ppp"),
    ("تصفیه‌خانه پساب شهری", "Urban wastewater treatment plant", "water", "loan"),
    ("بازآفرینی بافت تاریخی", "Regeneration of the historic quarter", "urban-planning", "grant"),
    (
        "مرکز نوآوری شهر هوشمند",
        "Smart city innovation centre",
        "smart-city",
        "technical_assistance",
    ),
    ("کارخانه بازیافت پسماند", "Waste recycling plant", "waste", "ppp"),
]
PITCH_LOCATIONS = ["منطقه مرکزی شهر", "حاشیه شرقی شهر", "کنار رودخانه", "بافت تاریخی"]
PARTY_NOTES = ["", "علاقه‌مند به مطالعه امکان‌سنجی است.", "درخواست اطلاعات بیشتر کرد."]
FOLLOW_UPS = [
    "ارسال خلاصه طرح",
    "نشست برخط با کارشناسان",
    "ارسال مطالعه امکان‌سنجی",
    "بازدید از محل طرح",
]
# (Persian title, English title)
CALLS: list[tuple[str, str]] = [
    ("فراخوان شهرهای تاب‌آور", "Resilient Cities Call"),
    ("برنامه حمایت از حمل‌ونقل پاک", "Clean Mobility Programme"),
    ("صندوق نوآوری شهری", "Urban Innovation Fund"),
    ("فراخوان همکاری فرهنگی شهرها", "Cities Cultural Cooperation Call"),
    ("برنامه کمک فنی اقلیم", "Climate Technical Assistance Programme"),
]
APPLICATION_NOTES = ["", "با همکاری دانشگاه شهر تهیه می‌شود.", "پیش‌نویس برای دبیرخانه فرستاده شد."]
APPLICATION_REJECTIONS = ["با اولویت‌های فراخوان همخوان نبود.", "امتیاز ارزیابی کافی نبود."]
FEEDBACK: list[tuple[str, str]] = [
    ("fa", "همکاری خوبی است، امیدوارم ادامه پیدا کند."),
    ("fa", "لطفاً نتیجه این برنامه را هم منتشر کنید."),
    ("fa", "ای کاش شهروندان هم در این برنامه‌ها شرکت داده شوند."),
    ("fa", "این تجربه در محله ما هم اجرا شود."),
    ("en", "A great initiative, thank you for sharing it."),
    ("en", "Could you publish the results of this project?"),
]
SPAM = "Cheap watches and loans, click here now"
INBOX: list[tuple[str, str, str]] = [
    ("Daniel Weber", "Green Invest GmbH", "We would like to receive the feasibility study."),
    ("سعید رحمانی", "شرکت سرمایه‌گذاری نوین", "لطفاً برای نشست معرفی طرح زمانی تعیین کنید."),
    ("Li Wei", "Asia Infrastructure Partners", "Is the project open to foreign investors?"),
]
