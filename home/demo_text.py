"""Demo text for the fictional Lakeshore County Family Services and its partners."""

# Theory of Change columns: field -> [(text, detail)]
THEORY = {
    "need": [
        (
            "Too many children enter care when safety could be kept at home with the right help.",
            "Families often reach us at a crisis point, after earlier chances to help were missed.",
        ),
        ("Children who do enter care move placements too often and lose touch with family.", ""),
        ("Partners, caregivers and youth say they are rarely asked before decisions are made.", ""),
    ],
    "populations": [
        ("Children and youth from birth to 21 known to the agency", ""),
        ("Parents, kin and foster caregivers", ""),
        ("Community partners: courts, schools, health, tribes and service providers", ""),
    ],
    "strategies": [
        (
            "Family team meetings within 72 hours of a safety concern",
            "A trained facilitator brings the family, their supports and the caseworker together.",
        ),
        (
            "Kin-first placement search and support",
            "Relatives are found and supported before unrelated care.",
        ),
        (
            "A shared quality-improvement cycle with partners",
            "Workgroups review data every quarter and agree on what to change.",
        ),
        ("Caregiver and youth voice in every workgroup", ""),
    ],
    "outputs": [
        ("Family team meetings held and how quickly", ""),
        ("Kin caregivers licensed and supported", ""),
        ("Quarterly data reviews with partners", ""),
        ("Surveys and comment periods completed, with replies published", ""),
    ],
    "short_term": [
        ("Families know their options and feel heard", ""),
        ("More children stay with relatives when they cannot stay home", ""),
        ("Partners trust the agency's data and decisions", ""),
    ],
    "intermediate": [
        ("Fewer children enter care", ""),
        ("Fewer placement moves", ""),
        ("Services match what families actually need", ""),
    ],
    "long_term": [
        ("Children are safe and stay connected to family", ""),
        ("Children in care reach permanency sooner", ""),
    ],
    "impact": [
        (
            "Children in Lakeshore County grow up safe, with lasting family connections and the support "
            "to thrive.",
            "",
        ),
    ],
    "assumptions": [
        ("Families do better when they help plan their own safety.", ""),
        ("Partners will take part if their time is respected and they see what changed.", ""),
        ("Reliable data is shared openly and on time.", ""),
    ],
    "partners": [
        ("Lakeshore County Juvenile Court", ""),
        ("Lakeshore Unified School District", ""),
        ("Three Rivers Tribal Family Services", ""),
        ("Lakeshore Foster and Kinship Parent Association", ""),
        ("Harbor Behavioral Health", ""),
    ],
}

INITIATIVES = [
    {
        "slug": "family-team-meetings",
        "title": "Family team meetings",
        "summary": "Bringing families, their supports and caseworkers together early, so that safety "
        "plans are made with families rather than for them.",
        "status": "active",
        "featured": True,
        "cfsr": ["S2", "WB1", "SF-SA"],
        "system": "<p>Every safety concern is followed by a family team meeting within 72 hours.</p>",
        "program": "<p>Trained facilitators cover every part of the county, evenings included.</p>",
        "practice": "<p>Caseworkers ask families who they want at the table, and plan around it.</p>",
        "partners": [
            ("Harbor Behavioral Health", "Facilitator training"),
            ("Lakeshore Foster and Kinship Parent Association", "Parent partners"),
        ],
    },
    {
        "slug": "kin-first",
        "title": "Kin first",
        "summary": "When a child cannot stay at home, we look to relatives and close family friends "
        "first, and give them the support to say yes.",
        "status": "active",
        "featured": True,
        "cfsr": ["P1", "P2", "SF-FP"],
        "system": "<p>Kin placements are the first option considered in every removal.</p>",
        "program": "<p>A kinship navigator helps relatives with licensing, money and childcare.</p>",
        "practice": "<p>Caseworkers search for relatives from the first day and keep searching.</p>",
        "partners": [
            ("Three Rivers Tribal Family Services", "Tribal kin search"),
            ("Lakeshore County Juvenile Court", "Court reviews of kin search"),
        ],
    },
    {
        "slug": "partners-at-the-table",
        "title": "Partners at the table",
        "summary": "A quality-improvement cycle in which courts, schools, tribes, caregivers and "
        "youth review the data with us and decide together what to change.",
        "status": "planning",
        "featured": True,
        "cfsr": ["SF-QA", "SF-AR", "SF-CR"],
        "system": "<p>Partners have a standing seat in every program-improvement workgroup.</p>",
        "program": "<p>Quarterly data reviews are published with what we heard and what we did.</p>",
        "practice": "<p>Staff bring questions to partners before decisions, not after.</p>",
        "partners": [
            ("Lakeshore Unified School District", "Education data"),
            ("Lakeshore Youth Advisory Board", "Youth voice"),
        ],
    },
]

# (slug, title, initiative slug, tags, cfsr, days ago, summary)
UPDATES = [
    (
        "first-family-team-meetings",
        "The first hundred family team meetings",
        "family-team-meetings",
        ["practice"],
        ["S2"],
        5,
        "What families and facilitators told us after the first hundred meetings.",
    ),
    (
        "evening-meetings",
        "Family team meetings now offered in the evening",
        "family-team-meetings",
        ["access"],
        ["WB1"],
        19,
        "Working parents asked for it; meetings can now start as late as 7 p.m.",
    ),
    (
        "kinship-navigator-hired",
        "Our kinship navigator starts work",
        "kin-first",
        ["kinship", "staffing"],
        ["P2"],
        33,
        "A single point of contact for relatives caring for children.",
    ),
    (
        "kin-licensing-simpler",
        "A shorter path to kin licensing",
        "kin-first",
        ["kinship", "policy"],
        ["SF-FP"],
        47,
        "We removed three steps from licensing for relatives.",
    ),
    (
        "tribal-kin-search",
        "Working with Three Rivers on kin search",
        "kin-first",
        ["tribal partners"],
        ["P2"],
        61,
        "A shared approach to finding relatives for Native children.",
    ),
    (
        "partners-charter",
        "Partners at the table: draft charter published",
        "partners-at-the-table",
        ["policy"],
        ["SF-AR"],
        75,
        "Read the draft charter and tell us what you think.",
    ),
    (
        "quarterly-data-review",
        "Our first quarterly data review",
        "partners-at-the-table",
        ["data"],
        ["SF-QA"],
        89,
        "Placement moves fell this quarter; entries into care did not.",
    ),
    (
        "youth-advisory-board",
        "Youth advisory board joins the workgroups",
        "partners-at-the-table",
        ["youth voice"],
        ["SF-AR"],
        103,
        "Young people with care experience now sit on every workgroup.",
    ),
]

# (slug, title, days from today, start hour, hours, place, online, intro)
EVENTS = [
    (
        "partners-meeting-spring",
        "Partners meeting: spring review",
        -40,
        10,
        2,
        "Lakeshore County Library, Community Room",
        "",
        "We reviewed the quarter's data and agreed on two changes to family team meetings.",
    ),
    (
        "kinship-information-evening",
        "Kinship information evening",
        12,
        18,
        2,
        "Harbor Community Center, 14 Pier Street",
        "https://meet.example.org/kinship-evening",
        "For relatives and family friends caring for a child, or thinking about it.",
    ),
    (
        "partners-meeting-summer",
        "Partners meeting: summer review",
        45,
        10,
        2,
        "Lakeshore County Administration Building, Room 210",
        "https://meet.example.org/partners-summer",
        "Open to every partner organisation. Agenda below.",
    ),
]

AUDIENCES = [
    (
        "professionals",
        "For professionals and partners",
        "professionals",
        "Courts, schools, health, tribes and providers: what the partnership is doing and where you come in.",
    ),
    (
        "foster-parents-and-supporters",
        "For foster parents, kin and supporters",
        "caregivers",
        "Support, training and news for the people who care for children in Lakeshore County.",
    ),
    (
        "youth",
        "For youth and young adults",
        "youth",
        "If you are in care or have been, this is your place to find help and have your say.",
    ),
]

ACCESSIBILITY = (
    "<p>Lakeshore County Family Services wants everyone to be able to use this portal. We aim to meet "
    "the Web Content Accessibility Guidelines (WCAG) 2.1 at level AA.</p>"
    "<h2>If something does not work for you</h2><p>Tell us which page and what went wrong, by phone "
    "or e-mail (see the footer). We will reply within five working days and offer the information "
    "another way if we cannot fix it quickly.</p>"
)
PRIVACY = (
    "<p>This notice explains what the portal keeps about you and why.</p>"
    "<h2>What we keep</h2><p>Your e-mail address, the display name you choose, the groups you join "
    "and what you post. Survey answers marked anonymous are kept without your name.</p>"
    "<h2>Your choices</h2><p>You can download your data or delete your account from My portal at "
    "any time.</p>"
)
