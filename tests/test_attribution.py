"""Attribution on sentences written for these tests: who (source) says (cue) what (content)."""

from __future__ import annotations

from pathlib import Path

import pytest

import claimex

# (text, [(source, cue, content, kind), ...]) — every attributed claim the text holds, in order.
CASES = [
    ("The minister said that the plant would close in June.",
     [("The minister", "said", "that the plant would close in June", "indirect")]),
    ("Officials believe the fire was started deliberately.",
     [("Officials", "believe", "the fire was started deliberately", "indirect")]),
    ("He told reporters that the deal was dead.",
     [("He", "told", "that the deal was dead", "indirect")]),
    ('"The plant will close," the minister said.',
     [("the minister", "said", '"The plant will close,"', "direct")]),
    ('"We are not leaving," said Jane Doe, the union leader.',
     [("Jane Doe, the union leader", "said", '"We are not leaving,"', "direct")]),
    ('The mayor called the plan "a disgrace," her spokesman said.',
     [("her spokesman", "said", 'The mayor called the plan "a disgrace,"', "mixed")]),
    ("The senator criticized the plan as reckless.",
     [("The senator", "criticized", "the plan as reckless", "indirect")]),
    ("He called for an inquiry into the deal.",
     [("He", "called for", "an inquiry into the deal", "indirect")]),
    ('She said: "We will not stop."',
     [("She", "said:", '"We will not stop."', "direct")]),
    ("The company has also said in a statement that the plant is safe.",
     [("The company", "has also said in a statement", "that the plant is safe", "indirect")]),
    ("The mayor did not say that the bridge would reopen.",
     [("The mayor", "did not say", "that the bridge would reopen", "indirect")]),
    ("Aides said in an interview that the talks had stalled.",
     [("Aides", "said", "that the talks had stalled", "indirect")]),
    ('"Why now?" he asked.',
     [("he", "asked", '"Why now?"', "direct")]),
    ("When asked about the strike, the minister said talks would resume.",
     [(None, "asked about", "the strike", "indirect"), ("the minister", "said", "talks would resume", "indirect")]),
    ("When told of the verdict, the mayor said she would appeal.",
     [("the mayor", "said", "she would appeal", "indirect")]),
    ("The governor wrote:\n\nThe state cannot afford another year of cuts.",
     [("The governor", "wrote:", "The state cannot afford another year of cuts", "indirect")]),
    ("Critics think the plan will fail.",
     [("Critics", "think", "the plan will fail", "indirect")]),
    ("I think the plan will fail.", []),
    ("The agency, which announced the cuts on Monday, said they were needed.",
     [("The agency", "announced", "the cuts", "indirect"),
      ("The agency, which announced the cuts on Monday,", "said", "they were needed", "indirect")]),
    ("The union's warning that the talks could collapse went unheeded.",
     [("The union", "warning", "that the talks could collapse", "indirect")]),
    ("HARRIS: We are not going anywhere.",
     [("HARRIS", ":", "We are not going anywhere", "indirect")]),
    ("\u201cHe is a disgrace to the office.\u201d \u2015 Maria Lopez",
     [("Maria Lopez", "\u2015", "\u201cHe is a disgrace to the office.\u201d", "direct")]),
    ("Photo: The bridge at dawn.", []),
    ("According to the police, three men were arrested.",
     [("the police", "According to", "three men were arrested", "according_to")]),
    ("Three men were arrested, according to police.",
     [("police", "according to", "Three men were arrested", "according_to")]),
    ("The repairs cost $4.5 million, according to the finance office, about 900 dollars a household.",
     [("the finance office", "according to",
       "The repairs cost $4.5 million, according to the finance office, about 900 dollars a household",
       "according_to")]),
    ("The bridge, as reported by the Gazette, was closed for repairs.",
     [("the Gazette", "as reported by", "The bridge, as reported by the Gazette, was closed for repairs",
       "according_to")]),
    ("It was reported that the company had lost money.",
     [(None, "was reported", "that the company had lost money", "indirect")]),
    ("The governor will raise taxes, aides say.",
     [("aides", "say", "The governor will raise taxes", "indirect")]),
    # A clause before a trailing cue that the parser joined to it as a conjunct or an adverbial clause.
    ("Despite two lost appeals in the spring, Northern Ferries (NF) remains determined to keep the island route "
     "open through the winter, its chief executive, Ola Berg, told The Gazette.",
     [("its chief executive, Ola Berg,", "told", "Despite two lost appeals in the spring, Northern Ferries (NF) "
       "remains determined to keep the island route open through the winter", "indirect")]),
    ("After the storm, the harbour authority remains open for business, its director, Ola Berg, told The Gazette.",
     [("its director, Ola Berg,", "told", "After the storm, the harbour authority remains open for business",
       "indirect")]),
    ("The mayor cut the budget and told reporters.", []),
    ("The economy, she said, is growing.",
     [("she", "said", "The economy, she said, is growing", "indirect")]),
    ("But the economy, she said, is growing.",
     [("she", "said", "the economy, she said, is growing", "indirect")]),
    # Contents are propositions: an addressee, a bare verb or a person alone is no content.
    ('"We will appeal," the lawyer told reporters.',
     [("the lawyer", "told", '"We will appeal,"', "direct")]),
    ("The minister told reporters at the airport.", []),
    ("A spokeswoman declined to comment.", []),
    ("The agency has 30 days to respond to the order.", []),
    ("The mayor promised to resign.",
     [("The mayor", "promised", "to resign", "indirect")]),
    ("The senator answered the question.", []),
    ("The video shows him.", []),
    ('"The vote is not the end," she continued.',
     [("she", "continued", '"The vote is not the end,"', "direct")]),
    ("Prices continued to rise.", []),
    # Verbs that only sometimes report: a subject that can speak or publish.
    ("The study shows that the drug works.",
     [("The study", "shows", "that the drug works", "indirect")]),
    ("College prices seem to rise every year.", []),
    ("The results show a steady rise in prices.", []),
    ("Analysts expect the bank to cut rates.",
     [("Analysts", "expect", "the bank to cut rates", "indirect")]),
    # A stance adjective after "be" or "make" with a clause, held by someone who can speak.
    ("The union is confident that a deal will be reached.",
     [("The union", "is confident", "that a deal will be reached", "indirect")]),
    ("The mayor made clear that she would not resign.",
     [("The mayor", "made clear", "that she would not resign", "indirect")]),
    ("Engineers are worried that the dam will fail.",
     [("Engineers", "are worried", "that the dam will fail", "indirect")]),
    ("It is clear that the dam will fail.", []),
    ("I am sure that the plan works.", []),
    ("The council was not sure whether to vote.", []),
    # Scraped text: invisible characters and Unicode spaces read as their plain forms.
    ("Three men were arrested, according\u00a0to police.",
     [("police", "according\u00a0to", "Three men were arrested", "according_to")]),
    ("The mayor s\u00adaid the bridge would reopen.",
     [("The mayor", "s\u00adaid", "the bridge would reopen", "indirect")]),
    ("The mayor said\u200b the bridge would reopen.",
     [("The mayor", "said\u200b", "the bridge would reopen", "indirect")]),
    ("The bridge, as\u2009reported by the Gazette, was closed.",
     [("the Gazette", "as\u2009reported by", "The bridge, as\u2009reported by the Gazette, was closed",
       "according_to")]),
    # Speakers: no time phrase, brackets balanced.
    ('"The road is open," said Mayor Ana Reyes on Tuesday.',
     [("Mayor Ana Reyes", "said", '"The road is open,"', "direct")]),
    # A speaker set off by commas keeps the comma that closes the description, as annotators draw it.
    ("Ana Ruiz, the leader of the dock workers, said the strike would go on.",
     [("Ana Ruiz, the leader of the dock workers,", "said", "the strike would go on", "indirect")]),
    ('"We will win," said Ana Ruiz, the leader of the dock workers.',
     [("Ana Ruiz, the leader of the dock workers", "said", '"We will win,"', "direct")]),
    ("The Federal Bureau of Investigation (FBI) said the suspect had fled.",
     [("The Federal Bureau of Investigation (FBI)", "said", "the suspect had fled", "indirect")]),
    # A finding reported in a poll or survey: the poll is the source; a place "in" is nothing.
    ("In the latest Gazette poll, the mayor led her rival by six points.",
     [("the latest Gazette poll", "In", "the mayor led her rival by six points", "according_to")]),
    ("The senator did well in online polls taken after the debate.",
     [("online polls taken after the debate", "in", "The senator did well", "according_to")]),
    ("The clerk works in a survey office near the harbour.", []),
    ("The governor gained ground in one of the first surveys of the year.",
     [("one of the first surveys of the year", "in", "The governor gained ground", "according_to")]),
    # A court rules: a clause, or what it rules against; ruling a city is no claim.
    ("The judge ruled that the search of the van was unlawful.",
     [("The judge", "ruled", "that the search of the van was unlawful", "indirect")]),
    ("The dynasty ruled the island for two centuries.", []),
    # An infinitive's content takes the object it is about; an addressee before a clause stays out.
    ("The council urged the railway to reopen the old station.",
     [("The council", "urged", "the railway to reopen the old station", "indirect")]),
    ("Parents called on the school board to delay the vote.",
     [("Parents", "called on", "the school board to delay the vote", "indirect")]),
    # A "that" clause the parser hangs off a noun between the cue and the clause is still the content.
    ("The senator predicted at a town hall meeting that the bill would pass.",
     [("The senator", "predicted", "that the bill would pass", "indirect")]),
    ("The coach told reporters he would stay another season.",
     [("The coach", "told", "he would stay another season", "indirect")]),
    ("The union wants to renegotiate the contract.",
     [("The union", "wants", "to renegotiate the contract", "indirect")]),
    # A participle cue after a comma at the content's end is a claim of its own, not nested in it.
    ("The coach said he did not think the loss hurt the team, arguing that the schedule was to blame.",
     [("The coach", "said", "he did not think the loss hurt the team", "indirect"),
      ("The coach", "arguing", "that the schedule was to blame", "indirect")]),
    ("Police say the suspect fled on foot, adding that he was armed.",
     [("Police", "say", "the suspect fled on foot", "indirect"),
      ("Police", "adding", "that he was armed", "indirect")]),
    ('The union insisted that the vote was "fair," claiming that turnout was high.',
     [("The union", "insisted", 'that the vote was "fair,"', "mixed"),
      ("The union", "claiming", "that turnout was high", "indirect")]),
    # A second verb of speech joined by "and" or "but" is a claim of its own, with the first one's speaker
    # when it has no subject of its own; a verb of wanting or thinking may be part of what is reported.
    ('The mayor says she respects the council and calls it "a fine body of people."',
     [("The mayor", "says", "she respects the council", "indirect"),
      ("The mayor", "calls", 'it "a fine body of people."', "mixed")]),
    ("The minister said the port would reopen in May and warned against any further strikes.",
     [("The minister", "said", "the port would reopen in May", "indirect"),
      ("The minister", "warned against", "any further strikes", "indirect")]),
    ("Farmers said the drought had ruined the harvest and Ana Ruiz told the Gazette that prices would rise.",
     [("Farmers", "said", "the drought had ruined the harvest", "indirect"),
      ("Ana Ruiz", "told", "that prices would rise", "indirect")]),
    ("The coach said he was proud of the team and wants to stay another season.",
     [("The coach", "said", "he was proud of the team and wants to stay another season", "indirect")]),
    # A content the parser ran on over the end of its sentence stops there.
    ('She said the inquiry is "ongoing." He added that nobody had been charged.',
     [("She", "said", 'the inquiry is "ongoing."', "mixed"),
      ("He", "added", "that nobody had been charged", "indirect")]),
    # A cue clause that closes its sentence after a comma: the clause before the comma is the content.
    ("Those who take on heavy debt struggle, even with a good job, he said.",
     [("he", "said", "Those who take on heavy debt struggle, even with a good job", "indirect")]),
    ("In nearby Dover, the steel mill is hanging on, but it is under pressure from imports, said its chief "
     "executive, John Smith.",
     [("its chief executive, John Smith", "said", "In nearby Dover, the steel mill is hanging on, but it is under "
       "pressure from imports", "indirect")]),
    ("The closure of the mill signals the end for the town, said Ana Ruiz, leader of the local union.",
     [("Ana Ruiz, leader of the local union", "said", "The closure of the mill signals the end for the town",
       "indirect")]),
    ("The ferry will run again next week, she told reporters on Monday.",
     [("she", "told", "The ferry will run again next week", "indirect")]),
    ("After a long pause, the band continued.", []),
    # A second speaker's clause set against the first ("though she noted") is a claim of its own.
    ("The mayor said the long shifts wear the crews down, though she noted that overtime pay had risen.",
     [("The mayor", "said", "the long shifts wear the crews down", "indirect"),
      ("she", "noted", "that overtime pay had risen", "indirect")]),
    ("The mayor said the port would stay open while the storm passed.",
     [("The mayor", "said", "the port would stay open while the storm passed", "indirect")]),
    # "add", "admit", "unveil" with a bare object report nothing; "maintain" reports only a clause.
    ("The ferry company added two boats to the winter timetable.", []),
    ("The minister unveiled a plaque at the harbour.", []),
    ("The senator maintains that the count was flawed.",
     [("The senator", "maintains", "that the count was flawed", "indirect")]),
    ("The council will maintain the coastal roads.", []),
    # A label before a tally, or page furniture, is no speaker.
    ("Ana Ruiz: 1,769", []),
    ("The Latest: Ferry strike ends after two weeks", []),
    ("Contributing: Ana Ruiz and Ola Berg.", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_attribution_finds_source_cue_and_content(nlp, text, expected):
    claims = [c for c in claimex.extract(text) if c.cue is not None]
    got = [(c.source.text if c.source else None, c.cue.text, c.content.text, c.kind) for c in claims]
    assert got == expected


def test_attribution_inside_another_claims_content_is_nested_in_it(nlp):
    text = 'The mayor called the plan "a disgrace," her spokesman said.'
    [claim] = claimex.extract(text)
    assert (claim.source.text, claim.cue.text) == ("her spokesman", "said")
    assert [(n.source.text, n.cue.text, n.content.text) for n in claim.nested] == [
        ("The mayor", "called", 'the plan "a disgrace,"')]


def test_attribution_splits_an_interrupted_quote_into_fragments(nlp):
    text = '"The plant," she said, "will stay open until June."'
    [claim] = claimex.extract(text)
    assert claim.kind == "direct"
    assert [f.text for f in claim.content.fragments] == ['"The plant,"', '"will stay open until June."']
    assert (claim.source.text, claim.cue.text) == ("she", "said")


def test_attribution_keeps_a_quote_that_runs_over_two_paragraphs_as_one_content(nlp):
    text = ('Nair spoke for an hour. "Our members have had enough,\n\n'
            '"and they will not wait another year," she said.')
    claim = next(c for c in claimex.extract(text) if c.cue is not None)
    assert claim.content.text.startswith('"Our members') and claim.content.text.endswith('year,"')
    assert claim.kind == "direct"


def test_attribution_survives_an_unbalanced_quotation_mark(nlp):
    text = 'The "plan was dead, the minister said. Talks will resume in May, aides said.'
    claims = [c for c in claimex.extract(text) if c.cue is not None]
    assert [c.cue.text for c in claims] == ["said", "said"]
    assert claims[1].content.text == "Talks will resume in May"


def test_attribution_names_the_person_behind_a_pronoun_source(nlp):
    text = "Mayor Elena Ortiz visited the harbour on Monday. She said the bridge would reopen."
    claim = next(c for c in claimex.extract(text) if c.cue is not None)
    assert claim.source.text == "She"
    assert claim.source.name == "Elena Ortiz"


SOURCE_NAMES = [
    ("Northern Ferries cut two routes. The Harbour Workers Union met on Monday. It said a strike was likely.",
     "It", "Harbour Workers Union"),
    ("Northern Ferries cut two routes. The Harbour Workers Union met on Monday.\n\nThe company said the cuts were final.",
     "The company", "Northern Ferries"),
    ("Northern Ferries cut two routes. The Harbour Workers Union met on Monday.\n\nThe union said it would strike.",
     "The union", "Harbour Workers Union"),
    ("Northern Ferries cut two routes.\n\nThe weather was fine.\n\nThe bridge was busy.\n\nIt said the cuts were final.",
     "It", None),
    # A run of blank lines is one paragraph break: the paragraph before is still in reach, two back are not.
    ("Northern Ferries cut two routes.\n\n\nIt said the cuts were final.", "It", "Northern Ferries"),
    ("Northern Ferries cut two routes.\n\nThe bridge was busy.\n\n\nIt said the cuts were final.", "It", None),
]


@pytest.mark.parametrize(("text", "source", "name"), SOURCE_NAMES, ids=[c[1] + "-" + str(c[2]) for c in SOURCE_NAMES])
def test_attribution_resolves_a_pronoun_or_description_to_the_nearest_compatible_entity(nlp, text, source, name):
    claim = next(c for c in claimex.extract(text) if c.cue is not None and c.source.text == source)
    assert claim.source.name == name


def test_attribution_marks_hedges_inside_the_claim(nlp):
    [claim] = claimex.extract("The company reportedly said that the mine may close.")
    assert [h.text for h in claim.hedges] == ["reportedly", "may"]


def test_unattributed_statements_are_claims_without_source_but_questions_are_not(nlp):
    claims = claimex.extract("The bridge carries 30,000 vehicles a day. Is the bridge safe?")
    assert [(c.kind, c.content.text, c.source, c.cue) for c in claims] == [
        ("unattributed", "The bridge carries 30,000 vehicles a day.", None, None)
    ]


@pytest.mark.parametrize(("text", "lemma"), [
    ("The mayor s\u00adaid the bridge would reopen.", "say"),
    ("The mayor said\u200b the bridge would reopen.", "say"),
    ("Three men were arrested, according\u00a0to police.", "according to"),
])
def test_attribution_cue_lemma_of_scraped_text_is_the_plain_one(nlp, text, lemma):
    [claim] = claimex.extract(text)
    assert claim.cue.lemma == lemma
    assert text[claim.cue.start:claim.cue.end] == claim.cue.text


@pytest.mark.parametrize("text", ["\u00ad", "The mayor said \u00ad\u200b the bridge would reopen.", "\u200b\n"])
def test_attribution_a_word_of_invisible_characters_only_is_no_error(text):
    assert all(text[c.content.start:c.content.end] == c.content.text for c in claimex.extract(text))


ARTICLES = Path(__file__).parent / "data" / "attribution"
# Each article written for these tests, laid out as news is: (kind, source, source_from, cue, content start)
# of every claim that is not the article's own statement, in order.
ARTICLE_CLAIMS = {
    "quote-paragraphs": [
        ("indirect", "the parks department", "sentence", "said", "The city will keep"),
        ("direct", "Marta Lindqvist, who chairs the parks committee", "sentence", "said", '"We heard the swimmers'),
        ("direct", "Marta Lindqvist, who chairs the parks committee", "context", None, '"The heating costs'),
        ("direct", "Marta Lindqvist, who chairs the parks committee", "context", None, '"It is a small price'),
        ("direct", None, None, None, '"Nobody told us anything'),
        ("direct", "Jonah Berg, who organised it", "sentence", "said", '"This is what a petition'),
    ],
    "new-speakers": [
        ("indirect", "officials", "sentence", "said", "The council postponed"),
        ("direct", "councillor Ines Duarte", "sentence", "said", '"We need more time'),
        ("direct", "Maria Gonzales, who runs a bakery on the route", "sentence", "said", '"This should have come'),
        ("indirect", "It", "sentence", "said", "most of its members"),
        ("indirect", "The group", "sentence", "said", "the delay would cost"),
    ],
    "propositions": [
        ("indirect", "the environment ministry", "sentence", "said", "The Northern Copper Company was fined"),
        ("indirect", "Its chief executive, Paul Arndt,", "sentence", "told", "that the firm would appeal"),
        ("direct", "Arndt", "sentence", "told", '"We will appeal,"'),
        ("indirect", "She", "sentence", "said", "the fine was the largest"),
    ],
    "sometimes-verbs": [
        ("indirect", "Study", "sentence", "finds", "river cleaner"),
        ("indirect", "A study by the University of Tarn", "sentence", "found", "that the river carried"),
        ("indirect", "The researchers", "sentence", "suggest", "that farmers have changed"),
        ("indirect", "Officials", "sentence", "expect", "the trend to continue"),
        ("direct", "one, Tomas Ek", "sentence", "said", '"I know the fish are back,"'),
        ("indirect", "The council", "sentence", "decided", "to extend the monitoring"),
        ("mixed", "Local groups", "sentence", "called", 'the plan "a good first step."'),
    ],
    "scraped-text": [
        ("according_to", "the operator", "sentence", "according\u00a0to", "Three crossings were cancelled"),
        ("indirect", "The union", "sentence", "s\u00adaid", "its members would walk out"),
        ("indirect", "Its leader, Priya\u00a0Nair,", "sentence", "said\u200b", "the vote was clear"),
        ("according_to", "the Island Gazette", "sentence", "as\u2009reported by", "The crossings will resume"),
        ("direct", "Nair", "sentence", "told", "\u201cWe have had enough,\u201d"),
    ],
    "following-cues": [
        ("indirect", "The dock workers' union", "sentence", "said", "the strike would go on until"),
        ("indirect", "The dock workers' union", "sentence", "warned against", "any attempt to bring in outside crews"),
        ("mixed", "Harbour master Lena Sorvik", "sentence", "insisted", 'that the port was "still open for business,"'),
        ("indirect", "Harbour master Lena Sorvik", "sentence", "claiming", "that two ferries had sailed on Monday"),
        ("mixed", "Ana Ruiz, the union's chief negotiator,", "sentence", "said", 'the pay offer was "an insult."'),
        ("indirect", "She", "sentence", "added", "that her members had voted"),
        ("indirect", "a trader", "sentence", "said", "Fish prices at the quayside market"),
        ("indirect", "The shipping firms", "sentence", "say", "the dispute has cost them millions"),
        ("indirect", "they", "sentence", "concede", "that most cargo has been rerouted"),
    ],
    "entity-spans": [
        ("indirect", "Observers", "sentence", "criticise", "election"),
        ("indirect", "The Commission on Security and Cooperation in Europe (CSCE)", "sentence", "said", "the vote had"),
        ("indirect", "The Federal Bureau of Investigation (FBI)", "sentence", "said", "it had opened an inquiry"),
        ("indirect", "The Maritime and Transport Workers Union", "sentence", "said", "its members in the port"),
    ],
}


@pytest.mark.parametrize("name", sorted(ARTICLE_CLAIMS))
def test_attribution_on_articles_laid_out_as_news(nlp, name):
    text = (ARTICLES / f"{name}.txt").read_text(encoding="utf-8")
    claims = [c for c in claimex.extract(text) if c.kind != "unattributed"]
    got = [(c.kind, c.source.text if c.source else None, c.source_from, c.cue.text if c.cue else None, c.content.text)
           for c in claims]
    expected = ARTICLE_CLAIMS[name]
    assert [g[:4] for g in got] == [e[:4] for e in expected]
    assert all(g[4].startswith(e[4]) for g, e in zip(got, expected))
    for claim in claims:
        assert text[claim.content.start:claim.content.end] == claim.content.text
        assert claim.source is None or text[claim.source.start:claim.source.end] == claim.source.text


@pytest.mark.parametrize("name", sorted(ARTICLE_CLAIMS))
def test_attribution_never_leaves_a_bare_quotation_unattributed(nlp, name):
    text = (ARTICLES / f"{name}.txt").read_text(encoding="utf-8")
    unattributed = [c.content.text for c in claimex.extract(text) if c.kind == "unattributed"]
    assert not [t for t in unattributed if t.startswith(('"', "\u201c"))]


def test_attribution_a_quote_paragraph_takes_no_speaker_across_an_unattributed_paragraph(nlp):
    text = '"We will stay," said Ana Ruiz.\n\nThe mill closed in 1990.\n\n"Nobody asked us."'
    bare = [c for c in claimex.extract(text) if c.cue is None and c.kind == "direct"]
    assert [(c.content.text, c.source, c.source_from) for c in bare] == [('"Nobody asked us."', None, None)]


QUOTE_RUNS = [
    # The quotation resumes right after the cue's sentence, in the same paragraph: one claim.
    ('"The ferry is late again," said Ola Berg on Monday. "Nobody tells us why. We just wait."',
     ['"The ferry is late again,"', '"Nobody tells us why. We just wait."']),
    # A quotation followed by a cue of its own, or in the next paragraph, is another claim.
    ('"We sold out," the owner said. "It was a surprise," her partner added.', ['"We sold out,"']),
    ('"We sold out," the owner said.\n\n"It was a surprise."', ['"We sold out,"']),
]


@pytest.mark.parametrize(("text", "fragments"), QUOTE_RUNS, ids=[c[0][:40] for c in QUOTE_RUNS])
def test_attribution_takes_the_quotation_that_resumes_after_the_cue(nlp, text, fragments):
    claim = next(c for c in claimex.extract(text) if c.cue is not None)
    assert [f.text for f in claim.content.fragments or [claim.content]] == fragments


@pytest.mark.parametrize(("text", "speaker"), [
    ("Said the mayor, \u201cWe will rebuild the bridge by May.\u201d", "the mayor"),
    ("The quay was empty.\n\nSaid the mayor, \u201cNo ship leaves before the storm passes.\u201d", "the mayor"),
    ("Prices rose again.\n\nSaid the baker, \u201cWe cannot keep up with the cost of flour.\u201d", "the baker"),
    ("The road is shut. Said the driver: \u201cWe will wait here until dawn.\u201d", "the driver"),
])
def test_attribution_a_sentence_opening_cue_takes_the_speaker_after_it(nlp, text, speaker):
    claim = next(c for c in claimex.extract(text) if c.cue is not None)
    assert (claim.source.text, claim.cue.text.rstrip(":")) == (speaker, "Said")


@pytest.mark.parametrize(("text", "speaker"), [
    ("He told the mayor, \u201cWe will rebuild the bridge.\u201d", "He"),
    ("The council met on Monday. The mayor told the press, \u201cWe will rebuild the bridge.\u201d", "The mayor"),
])
def test_attribution_a_cue_inside_its_sentence_keeps_its_own_subject(nlp, text, speaker):
    claim = next(c for c in claimex.extract(text) if c.cue is not None)
    assert claim.source.text == speaker
