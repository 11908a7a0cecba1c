"""Attribution in shapes the parser or the layout makes hard: participles, passives, headlines, labels, scraped text.

Sentences written for these tests; each row lists every attributed claim the text holds, in order, as
(source, cue, content, kind), or none when the shape reports nothing.
"""

from __future__ import annotations

import pytest

import claimex

CASES = [
    # A quotation beside its cue across a no-break space (scraped text).
    ("\u201cPrices will rise,\u201d\u00a0Ana Ruiz said.",
     [("Ana Ruiz", "said", "\u201cPrices will rise,\u201d", "direct")]),
    # A participle or a joined verb after a clause with a subject opens a quotation.
    ('The mayor defended the plan, telling reporters, "It will save money."',
     [("The mayor", "defended", "the plan", "indirect"),
      ("The mayor", "telling", '"It will save money."', "direct")]),
    ('The senator paused and added, "We are not done."',
     [("The senator", "added", '"We are not done."', "direct")]),
    # "if" and "whether" clauses of asking; "calling for X to Y".
    ("Asked whether she would run again, the governor smiled.",
     [(None, "Asked", "whether she would run again", "indirect")]),
    ("The union is calling for the city to raise wages.",
     [("The union", "is calling for", "the city to raise wages", "indirect")]),
    ("Imagine the crowd if the team wins the cup.", []),
    # A cognition verb set off by commas, with its subject alone.
    ("The new rules, her aides believe, will change the race.",
     [("her aides", "believe", "The new rules, her aides believe, will change the race", "indirect")]),
    ("The turnout will be high when the city votes.", []),
    # A passive with an agent that can speak.
    ("The merger was first reported by the Gazette.",
     [("the Gazette", "was first reported", "The merger", "indirect")]),
    ("The motion was rejected by a wide margin.", []),
    ("It was first reported by the Gazette.", []),
    # "as she put it", "made (it) clear".
    ("As one aide put it, the campaign is out of money.",
     [("one aide", "put it", "the campaign is out of money", "indirect")]),
    ("They put pressure on the council.", []),
    ("The governor made it clear that she would veto the bill.",
     [("The governor", "made it clear", "that she would veto the bill", "indirect")]),
    ("Aides make sure the president gets some rest.", []),
    # A quotation opened after "Name:" in running text.
    ('The result did not surprise the analyst Maria Lopez: "Late surges are common."',
     [("the analyst Maria Lopez", ":", '"Late surges are common."', "direct")]),
    ('The crowd cheered the news on Twitter: "Finally!"', []),
    # "find" takes an object when a document, study or poll found it, never a person's find.
    ("A recent survey found broad support for the plan.",
     [("A recent survey", "found", "broad support for the plan", "indirect")]),
    ("She found the keys in the car.", []),
    # A stance adjective on the object of its preposition; "made clear" after a joined verb.
    ("Some activists are less confident in the governor.",
     [("Some activists", "are less confident in", "the governor", "indirect")]),
    ("The patient is in critical condition.", []),
    ("The party is eager to tap his list of donors.",
     [("The party", "is eager", "to tap his list of donors", "indirect")]),
    ("He questioned her record and made clear that he would not hold back.",
     [("He", "questioned", "her record", "indirect"),
      ("He", "made clear", "that he would not hold back", "indirect")]),
    ("The agency spent a year on the case, but it is not clear how the work figured in.", []),
    # The writer's own turns of phrase report nothing; a relative "that" is a speaker.
    ("That said, the senator cannot win the nomination.", []),
    ("Having said that, the mayor left the hall.", []),
    ("Let's say the fares double next year.", []),
    ("It's worth noting that the fares doubled.", []),
    ("It goes without saying that the fares will rise.", []),
    ("Needless to say, the fares rose again.", []),
    # An infinitive or a cue between two halves of a quotation takes the quotation beside it.
    ('He went on to say, "The fares will double."',
     [("He", "to say", '"The fares will double."', "direct")]),
    ('"The fares will double," she continued, "and the buses will run less often."',
     [("she", "continued", '"The fares will double," she continued, "and the buses will run less often."',
       "direct")]),
    # A short opening half closed by a comma before the cue is the same quotation, however the parser hangs it.
    ('"Honestly," he said, "the fares will double next spring."',
     [("he", "said", '"Honestly," he said, "the fares will double next spring."', "direct")]),
    ('"The danger," said Tomas Berg, "is that the buses will stop."',
     [("Tomas Berg", "said", '"The danger," said Tomas Berg, "is that the buses will stop."', "direct")]),
    # Scraped text that glues the quotation mark to the comma and the word reads as if it were spaced.
    ('The mayor said,“Look, the bridge has no place in this budget.”',
     [("The mayor", "said", '“Look, the bridge has no place in this budget.”', "direct")]),
    ('"We will appeal," he said, adding, "The ruling is wrong."',
     [("he", "said", '"We will appeal,"', "direct"), ("he", "adding", '"The ruling is wrong."', "direct")]),
    ('The page showed a message that said, "Sorry, the item is gone."',
     [("a message", "said", '"Sorry, the item is gone."', "direct")]),
    # "in a statement" belongs to the verb's cue; "statement" is no cue of its own there.
    ("Her chief strategist says in a statement that the race is now a two-way contest.",
     [("Her chief strategist", "says in a statement", "that the race is now a two-way contest", "indirect")]),
    # Polls at large say where a candidate stands, not what a poll reports.
    ("The senator has risen in the polls since the debate.", []),
    ("In the new Gazette poll, the senator leads by four points.",
     [("the new Gazette poll", "In", "the senator leads by four points", "according_to")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_attribution_reads_hard_shapes(nlp, text, expected):
    claims = [c for c in claimex.extract(text) if c.cue is not None]
    got = [(c.source.text if c.source else None, c.cue.text, c.content.text, c.kind) for c in claims]
    assert got == expected


HEADLINES = [
    ("Port Authority Chief Defends Toll Increase.", ("Port Authority Chief", "Defends", "Toll Increase")),
    ("Former Governor Calls For Inquiry Into Fire.", ("Former Governor", "Calls For", "Inquiry Into Fire")),
    ("The Race Is Hinging On These Two States.", None),
    # An article's first line is its headline in sentence case too.
    ("Senator seeks new inquiry into the port deal.", ("Senator", "seeks", "new inquiry into the port deal")),
    ("Farmers Got More Votes Than Expected.", None),
    ("Wow: The Ten Cheapest Towns In The State.", None),
]


@pytest.mark.parametrize(("headline", "expected"), HEADLINES, ids=[h[0][:40] for h in HEADLINES])
def test_attribution_reads_a_title_case_headline_word_by_word(nlp, headline, expected):
    text = f"{headline}\n\nThe council met on Monday in the town hall.\n"
    claims = [c for c in claimex.extract(text) if c.cue is not None]
    got = [(c.source.text, c.cue.text, c.content.text) for c in claims]
    assert got == ([expected] if expected else [])


def test_attribution_a_paragraph_opened_by_a_closing_mark_is_a_quotation_signed_below(nlp):
    text = "\u201dWe will rebuild the bridge. It will take a year.\u201d \u2015 Ana Ruiz\n\nThe work starts in May.\n"
    [claim] = [c for c in claimex.extract(text) if c.cue is not None]
    assert (claim.source.text, claim.kind) == ("Ana Ruiz", "direct")
    assert claim.content.text.startswith("\u201dWe will rebuild")
