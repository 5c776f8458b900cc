import pytest

from forums.moderation.patterns import link_count, matching_terms, personal_data_kinds

HELD = [
    ("Call me at 555-867-5309 after court", "phone"),
    ("my number is (616) 555-0134", "phone"),
    ("text +1 616.555.0134", "phone"),
    ("write to jane.doe@example.com", "email"),
    ("She was born on 3/14/2015", "date"),
    ("DOB: 2011-07-02", "iso-date"),
    ("his birthday is in March and he is 9", "birth"),
    ("born in May 2016 at Mercy", "birth"),
    ("my SSN is 123-45-6789", "ssn"),
    ("our case number is JV-2023-0441", "case-number"),
    ("the case no. 44123 was closed", "case-number"),
    ("file # A7731 at the court", "case-number"),
    ("reference CW2024001234 in the letter", "id-shape"),
    ("they live at 1423 Maple Street now", "street-address"),
    ("the foster home on 88 Lake Shore Dr is", "street-address"),
]

NOT_HELD = [
    "the 2024 plan is too slow",
    "Goal 3 of the 2025-2026 plan",
    "we met 12 times in 2023",
    "I have fostered 4 kids over 10 years",
    "Title IV-E money and CFSR round 4",
    "The meeting is at 10:30 on Tuesday",
    "It costs $1,500 per month",
    "See page 12, section 3.2",
    "2 family members came to court",
    "the zip code area 49503 has few homes",
    "Thank you for the answer!",
    "www and email are both fine ways to reach the agency",
]


@pytest.mark.parametrize(("text", "kind"), HELD)
def test_personal_data_is_found(text, kind):
    assert kind in personal_data_kinds(text)


@pytest.mark.parametrize("text", NOT_HELD)
def test_ordinary_text_is_not_personal_data(text):
    assert personal_data_kinds(text) == []


def test_link_count():
    assert link_count("see https://a.example and www.b.example and http://c.example/x") == 3
    assert link_count("no links here") == 0


def test_terms_match_whole_words_only():
    assert matching_terms("He BEATS ME at chess", ["beats me"]) == ["beats me"]
    assert matching_terms("grassy hills", ["ass"]) == []
    assert matching_terms("a scam!", ["scam"]) == ["scam"]
