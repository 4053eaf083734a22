"""Seed the shared taxonomy of cooperation areas, each mapped to the SDGs it serves."""

from django.db import migrations

AREAS = [
    ("transport", "حمل‌ونقل و جابه‌جایی", "Transport and mobility", [9, 11]),
    ("environment", "محیط زیست و کیفیت هوا", "Environment and air quality", [3, 11, 13, 15]),
    ("water", "آب", "Water", [6]),
    ("waste", "پسماند", "Waste", [11, 12]),
    ("urban-planning", "شهرسازی و مسکن", "Urban planning and housing", [11]),
    ("smart-city", "شهر هوشمند و فناوری اطلاعات", "Smart city and ICT", [9, 11]),
    ("culture", "فرهنگ، میراث و گردشگری", "Culture, heritage and tourism", [8, 11]),
    ("economy", "اقتصاد، تجارت و سرمایه‌گذاری", "Economy, trade and investment", [8, 9, 17]),
    ("education", "آموزش و جوانان", "Education and youth", [4]),
    ("health", "سلامت", "Health", [3]),
    ("social", "خدمات اجتماعی", "Social services", [1, 5, 10]),
    ("crisis", "مدیریت بحران و سوانح", "Crisis and disaster management", [11, 13]),
    ("sport", "ورزش", "Sport", [3]),
    ("governance", "حکمرانی و مالیه شهری", "Governance and municipal finance", [16, 17]),
    ("science", "علم و فناوری", "Science and technology", [9]),
]


def seed(apps, schema_editor):
    CooperationArea = apps.get_model("partnerships", "CooperationArea")
    for order, (code, fa, en, sdgs) in enumerate(AREAS, start=1):
        CooperationArea.objects.update_or_create(
            code=code, defaults={"name_fa": fa, "name_en": en, "sdgs": sdgs, "order": order}
        )


def unseed(apps, schema_editor):
    CooperationArea = apps.get_model("partnerships", "CooperationArea")
    CooperationArea.objects.filter(code__in=[a[0] for a in AREAS]).delete()


class Migration(migrations.Migration):
    dependencies = [("partnerships", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
