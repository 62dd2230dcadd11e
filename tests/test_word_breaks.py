"""A word a layout broke at a line's end, without a hyphen, is joined again; two words stay two."""
import pytest

from parsers.pdf.words import join_preference


@pytest.mark.parametrize("first,second", [
    ("miljösamordna", "ren"), ("tillsynsprojekt", "en"), ("inspektör", "er"), ("kommun", "er"),
    ("avlopps", "anläggningar"), ("projekt", "gruppen"), ("arbets", "gruppen"), ("hälso", "skydd"),
])
def test_a_word_broken_inside_joins(first, second):
    assert join_preference(first, second) == 1


@pytest.mark.parametrize("first,second", [
    ("tillsammans", "med"), ("naturlig", "försurning"), ("miljö", "och"), ("samverkan", "för"),
    ("uppföljning", "av"), ("tillsyn", "ska"), ("lantbrukarnas", "riksförbund"), ("kommunens", "miljöarbete"),
])
def test_two_words_stay_apart(first, second):
    assert join_preference(first, second) == -1


@pytest.mark.parametrize("first,second", [("läns", "gemensamma"), ("bebyggd", "miljö")])
def test_a_break_as_likely_either_way_is_left_to_the_layout(first, second):
    assert join_preference(first, second) == 0


@pytest.mark.parametrize("last,first,broken", [
    ("verksa", "mheterna", True), ("a", "v", True),  # pieces that are no words
    ("god", "bebyggd", False), ("miljö", "och", False),  # two words, or no word joined
])
def test_where_words_are_broken_anywhere_a_word_that_would_fit_alone_is_joined_from_its_pieces(last, first, broken):
    from parsers.pdf.word_breaks import TextContext, broken_anywhere
    assert broken_anywhere(last, first, TextContext(breaks_words=True)) is broken
    assert broken_anywhere(last, first, TextContext(breaks_words=False)) is False
