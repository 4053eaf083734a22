"""The international bodies Peyvand ships: name, acronym, kind and headquarters only (the
atlas id of the headquarters city). Offices add the others they deal with.

Read by the data migration that creates them and by `services.organizations
.shipped_headquarters_link`, which links each to its city once the atlas is imported.
"""

from __future__ import annotations

# (name_en, name_fa, acronym, kind, website, headquarters city id)
SHIPPED: tuple[tuple[str, str, str, str, str, str], ...] = (
    (
        "United Cities and Local Governments",
        "سازمان جهانی شهرها و دولت‌های محلی متحد",
        "UCLG",
        "city_network",
        "https://www.uclg.org",
        "gn:3128760",  # Barcelona
    ),
    (
        "Metropolis (World Association of the Major Metropolises)",
        "انجمن جهانی کلان‌شهرها (متروپلیس)",
        "Metropolis",
        "city_network",
        "https://www.metropolis.org",
        "gn:3128760",  # Barcelona
    ),
    (
        "ICLEI – Local Governments for Sustainability",
        "ایکلی – دولت‌های محلی برای پایداری",
        "ICLEI",
        "city_network",
        "https://iclei.org",
        "gn:2946447",  # Bonn
    ),
    (
        "CityNet (Regional Network of Local Authorities for the Management of Human Settlements)",
        "سیتی‌نت (شبکهٔ منطقه‌ای مقامات محلی آسیا و اقیانوسیه)",
        "CityNet",
        "city_network",
        "https://citynet-ap.org",
        "gn:1835848",  # Seoul
    ),
    (
        "C40 Cities Climate Leadership Group",
        "گروه رهبری اقلیمی شهرهای سی۴۰",
        "C40",
        "city_network",
        "https://www.c40.org",
        "gn:2643743",  # London
    ),
    (
        "United Nations Human Settlements Programme",
        "برنامهٔ اسکان بشر سازمان ملل متحد",
        "UN-Habitat",
        "un_body",
        "https://unhabitat.org",
        "gn:184745",  # Nairobi
    ),
    (
        "United Nations Industrial Development Organization",
        "سازمان توسعهٔ صنعتی ملل متحد",
        "UNIDO",
        "un_body",
        "https://www.unido.org",
        "gn:2761369",  # Vienna
    ),
    (
        "WHO Healthy Cities",
        "شهرهای سالم سازمان جهانی بهداشت",
        "WHO Healthy Cities",
        "un_body",
        "https://www.who.int",
        "gn:2660646",  # Geneva
    ),
    (
        "Organization of Islamic Capitals and Cities",
        "سازمان پایتخت‌ها و شهرهای اسلامی",
        "OICC",
        "association",
        "https://www.oicc.org",
        "gn:104515",  # Makkah
    ),
    (
        "Asian Mayors Forum",
        "مجمع شهرداران آسیا",
        "AMF",
        "city_network",
        "https://www.mayors.asia",
        "gn:112931",  # Tehran
    ),
    (
        "Eurocities",
        "یوروسیتیز",
        "Eurocities",
        "city_network",
        "https://eurocities.eu",
        "gn:2800866",  # Brussels
    ),
    (
        "World Bank",
        "بانک جهانی",
        "WB",
        "development_bank",
        "https://www.worldbank.org",
        "gn:4140963",  # Washington D.C.
    ),
    (
        "Asian Development Bank",
        "بانک توسعهٔ آسیایی",
        "ADB",
        "development_bank",
        "https://www.adb.org",
        "gn:1701668",  # Manila
    ),
    (
        "Islamic Development Bank",
        "بانک توسعهٔ اسلامی",
        "IsDB",
        "development_bank",
        "https://www.isdb.org",
        "gn:105343",  # Jeddah
    ),
    (
        "Asian Infrastructure Investment Bank",
        "بانک سرمایه‌گذاری زیرساخت آسیا",
        "AIIB",
        "development_bank",
        "https://www.aiib.org",
        "gn:1816670",  # Beijing
    ),
    (
        "Mayors for Peace",
        "شهرداران برای صلح",
        "",
        "city_network",
        "https://www.mayorsforpeace.org",
        "gn:1862415",  # Hiroshima
    ),
)
