from __future__ import annotations

from django.contrib import admin

from .models import City, CityNameReview, Country


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin[Country]):
    list_display = ["code", "name_en", "name_fa", "continent", "cities_in_network"]
    search_fields = ["code", "name_en", "name_fa"]
    list_filter = ["continent"]


@admin.register(City)
class CityAdmin(admin.ModelAdmin[City]):
    list_display = ["code", "name_en", "name_fa", "name_fa_confirmed", "country", "degree"]
    search_fields = ["code", "name_en", "name_fa", "name_fa_confirmed"]
    list_filter = ["added_by_hand", "country__continent"]
    raw_id_fields = ["country", "added_by"]
    readonly_fields = ["search_text"]


@admin.register(CityNameReview)
class CityNameReviewAdmin(admin.ModelAdmin[CityNameReview]):
    list_display = ["city_code", "name", "action", "reviewer", "created_at"]
    search_fields = ["city_code", "name"]
    raw_id_fields = ["city", "reviewer"]
    readonly_fields = ["created_at"]
