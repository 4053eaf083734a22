"""Where this app's private files are kept."""

from __future__ import annotations

from peyvand.core.uploads import PrivatePath

# Private files of this app: missions/<office id>/<random name>.
private_upload_to = PrivatePath("missions")
