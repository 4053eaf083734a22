"""Django's own user-facing strings that its Persian catalogue lacks (new in Django 6).

Marked here so that `makemessages` puts them in our catalogue, which takes precedence over
Django's; nothing imports this module.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

DJANGO_STRINGS = [
    gettext_noop("- Select an option -"),
    gettext_noop("Enter a valid domain name."),
    gettext_noop("Constraint “%(name)s” is violated."),
    gettext_noop("%(model)s instance with %(field)s %(value)r is not a valid choice."),
    gettext_noop("Ensure this value is a multiple of step size %(limit_value)s."),
    gettext_noop("Breadcrumbs"),
    gettext_noop("Model name"),
    gettext_noop("In case you’ve forgotten, you are:"),
]

# The password validators' length rule (its Persian in Django's catalogue has other msgids).
PASSWORD_STRINGS = [
    ngettext_lazy(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
        "n",
    ),
]
