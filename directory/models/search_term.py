from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchTerm(models.Model):
    """A word found in the activities' search documents: the vocabulary typos are mapped onto.

    Filled by ``directory.search``; a word no activity uses any more is harmless (it only widens
    a query to a term with no matches) and goes away with ``rebuild_search_index --vocabulary``.
    """

    word = models.CharField(_("word"), max_length=100, unique=True)

    class Meta:
        verbose_name = _("search word")
        verbose_name_plural = _("search words")

    def __str__(self):
        return self.word
