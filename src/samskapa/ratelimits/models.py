from django.db import models


class RateCount(models.Model):
    """How many tries one sender made in one scope during one window (an hour).

    The sender is only a keyed hash of their address and the scope, and rows of past windows are
    deleted as new ones start: nothing here can be traced back to a person after the hour.
    It belongs to no organisation: the scope (e.g. one survey) is inside the hash.
    """

    key = models.CharField(max_length=64)
    window = models.BigIntegerField(db_index=True)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["key", "window"], name="one_count_per_key_and_window")]

    def __str__(self) -> str:
        return f"{self.key[:8]}… {self.window}: {self.count}"
