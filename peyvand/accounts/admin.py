from django.contrib import admin

from .models import Department, Office, OfficeMembership


class DepartmentInline(admin.TabularInline[Department, Office]):
    model = Department
    extra = 0


class MembershipInline(admin.TabularInline[OfficeMembership, Office]):
    model = OfficeMembership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Office)
class OfficeAdmin(admin.ModelAdmin[Office]):
    list_display = ["slug", "name_fa", "name_en", "is_demo"]
    search_fields = ["slug", "name_fa", "name_en"]
    raw_id_fields = ["home_city"]
    inlines = [DepartmentInline, MembershipInline]


@admin.register(OfficeMembership)
class OfficeMembershipAdmin(admin.ModelAdmin[OfficeMembership]):
    list_display = ["user", "office", "role", "department"]
    list_filter = ["office", "role"]
