"""Shared abstract models. `core` knows no domain and no office."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class TimeStamped(models.Model):
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


class Counter(models.Model):
    """A named number that only grows: the version of data many pages show (`versions`)."""

    name = models.CharField(max_length=40, primary_key=True)
    value = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.name}={self.value}"


class DailyRun(models.Model):
    """A daily job claimed for a calendar day (`scheduler`): the unique row makes the claim,
    so the job is enqueued once that day however many schedulers run, on whatever cache."""

    job = models.CharField(max_length=100)
    day = models.DateField()
    enqueued_at = models.DateTimeField(auto_now_add=True)

    audited = False  # the scheduler's own bookkeeping (audit.recorder)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["job", "day"], name="core_dailyrun_once")]

    def __str__(self) -> str:
        return f"{self.job} {self.day.isoformat()}"
