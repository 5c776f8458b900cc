"""Demo text for the four workgroups of the fictional Lakeshore County Family Services.

Threads: (author username, kind, text, [(reply author, text, is_official)]). Official
answers are posted by `facilitator`. Plans: goals -> strategies -> action steps.
"""

M = ("measure", "unit", "baseline", "target", "current")

WORKGROUPS = [
    {
        "slug": "adoption",
        "title": "Adoption workgroup",
        "private": False,
        "mode": "open",
        "cfsr": ["P1", "P2", "SF-FP"],
        "intro": "Helping children who cannot go home find a permanent family sooner, and supporting "
        "families after adoption.",
        "charter": "<p>We meet monthly to review how Lakeshore County moves children from foster care to "
        "adoption. Members include adoptive and foster parents, private agencies, the court "
        "and tribal partners.</p><ul><li>Review draft policies before they are final.</li>"
        "<li>Track the adoption goals of the program improvement plan.</li></ul>",
        "members": ["fosterparent", "provider", "court", "tribal"],
        "topics": [
            {
                "slug": "post-adoption-support-policy",
                "title": "Draft: post-adoption support policy",
                "intro": "How families can ask for help after an adoption is final.",
                "summary": "<p>Today families who adopted from foster care have to find help on their own. "
                "The draft policy creates one contact point, a yearly check-in offer and "
                "respite care for up to 14 days a year.</p>",
                "question": "What support did you need in the first two years after adoption, and how "
                "should families be able to ask for it?",
                "opens": -10,
                "closes": 20,
                "threads": [
                    (
                        "fosterparent",
                        "question",
                        "Will the respite days also cover kinship families who adopted a grandchild? "
                        "Many of us are older and a break matters a lot.",
                        [
                            (
                                "facilitator",
                                "Yes. The draft covers every family who adopted a child from "
                                "Lakeshore County foster care, including relatives. We will say so "
                                "plainly in the next version.",
                                True,
                            ),
                            ("tribal", "Please also include customary adoptions under tribal law.", False),
                        ],
                    ),
                    (
                        "provider",
                        "comment",
                        "One contact point is a great step. Please publish its phone hours and answer "
                        "within two working days, or families will give up.",
                        [],
                    ),
                    (
                        "court",
                        "question",
                        "Does the yearly check-in need a court order, or is it voluntary?",
                        [],
                    ),
                ],
            },
            {
                "slug": "home-study-timelines",
                "title": "Shorter home-study timelines",
                "intro": "Finishing adoption home studies in 90 days instead of 150.",
                "summary": "<p>We heard that home studies take too long. This topic closed in the spring; "
                "read what we heard and what changed.</p>",
                "question": "Where do home studies get stuck, in your experience?",
                "opens": -90,
                "closes": -45,
                "threads": [
                    (
                        "fosterparent",
                        "comment",
                        "We waited six weeks for a fingerprint appointment. Evening slots would help "
                        "working parents.",
                        [],
                    ),
                    (
                        "provider",
                        "question",
                        "Could private agencies share the medical forms so families fill them in once?",
                        [
                            (
                                "facilitator",
                                "Yes: a shared form went live in June. See what we did above.",
                                True,
                            )
                        ],
                    ),
                ],
                "heard": "<p>Families and agencies told us that appointments, repeated paperwork and "
                "waiting for references caused most delays.</p>",
                "did": "<p>We added evening fingerprint slots twice a month, made one medical form "
                "for all agencies and now send reference requests by e-mail on day one.</p>",
            },
        ],
        "plan": [
            (
                "Children reach adoption sooner",
                "on_track",
                "Adoption unit",
                ("Median months from removal to adoption", " months", 34, 24, 29),
                ["P1"],
                [
                    (
                        "Finish home studies within 90 days",
                        "at_risk",
                        "Licensing team",
                        [
                            ("Offer evening fingerprint appointments", "done", "Licensing team", 30, None),
                            (
                                "One shared medical form for all agencies",
                                "done",
                                "Partner agencies",
                                45,
                                None,
                            ),
                            (
                                "Track home-study days in the case system",
                                "delayed",
                                "Information systems",
                                120,
                                ("Home studies finished within 90 days", "%", 35, 80, 48),
                            ),
                        ],
                    ),
                    (
                        "Hold permanency hearings on time",
                        "on_track",
                        "Court liaison",
                        [
                            ("Monthly calendar review with the court", "on_track", "Court liaison", 60, None),
                        ],
                    ),
                ],
            ),
            (
                "Families get help after adoption",
                "not_started",
                "Post-adoption services",
                ("Families using post-adoption support", "", 40, 150, 40),
                ["WB1"],
                [
                    (
                        "One contact point for adoptive families",
                        "not_started",
                        "Post-adoption services",
                        [
                            (
                                "Publish the support line and its hours",
                                "not_started",
                                "Communications",
                                90,
                                None,
                            ),
                        ],
                    ),
                ],
            ),
        ],
    },
    {
        "slug": "case-process",
        "title": "Case process workgroup",
        "private": True,
        "mode": "invitation",
        "cfsr": ["SF-CR", "S2"],
        "intro": "Case planning, family team meetings and case reviews. Members only, because we "
        "discuss practice in detail.",
        "charter": "<p>Caseworkers, supervisors, parent partners and court staff look at how case plans "
        "are written and reviewed. We never discuss individual families here.</p>",
        "members": ["birthparent", "court", "provider"],
        "topics": [
            {
                "slug": "family-team-meeting-guide",
                "title": "Family team meeting guide, second draft",
                "intro": "A shorter guide for parents before their first family team meeting.",
                "summary": "<p>The second draft cuts the guide from 12 pages to 4 and adds a checklist "
                "of who a parent may bring.</p>",
                "question": "Is anything missing that a parent should know before the meeting?",
                "opens": -5,
                "closes": 25,
                "threads": [
                    (
                        "birthparent",
                        "comment",
                        "Say early that a parent can bring a support person. Nobody told me that.",
                        [("facilitator", "Thank you. It is now the first point of the checklist.", True)],
                    ),
                    (
                        "court",
                        "question",
                        "Will the guide be available in Spanish and Hmong?",
                        [("facilitator", "Yes, both translations are ordered and due next month.", True)],
                    ),
                ],
            },
            {
                "slug": "case-plan-reviews",
                "title": "Six-month case plan reviews",
                "intro": "Making reviews useful for families rather than paperwork.",
                "summary": "<p>Ideas for making the six-month review a conversation with the family.</p>",
                "question": "What would make a case plan review feel useful to you?",
                "opens": -3,
                "closes": 40,
                "threads": [
                    (
                        "provider",
                        "comment",
                        "Send the draft review to the family a week ahead so they can prepare.",
                        [],
                    ),
                ],
            },
        ],
        "plan": [
            (
                "Case plans are written with families",
                "at_risk",
                "Casework supervisors",
                ("Case plans signed by a parent", "%", 52, 85, 61),
                ["SF-CR"],
                [
                    (
                        "Family team meeting before every case plan",
                        "at_risk",
                        "Family team coordinators",
                        [
                            ("Hire two more meeting facilitators", "delayed", "Human resources", 30, None),
                            ("Print the new parent guide", "on_track", "Communications", 60, None),
                        ],
                    ),
                ],
            ),
        ],
    },
    {
        "slug": "quality-improvement",
        "title": "Quality improvement workgroup",
        "private": False,
        "mode": "request",
        "cfsr": ["SF-QA", "SF-AR"],
        "intro": "How the agency measures its work, shares the results and acts on them.",
        "charter": "<p>We review the quarterly case review results and decide which findings become "
        "improvement projects.</p>",
        "members": ["reviewpanel", "school", "health"],
        "topics": [
            {
                "slug": "quarterly-dashboard",
                "title": "A public quarterly dashboard",
                "intro": "Which numbers should the agency publish every quarter?",
                "summary": "<p>We propose publishing eight measures each quarter, with a short plain-"
                "language note on what changed.</p>",
                "question": "Which measures matter most to you, and what would help you read them?",
                "opens": -12,
                "closes": 2,
                "threads": [
                    (
                        "reviewpanel",
                        "question",
                        "Will the dashboard show results by county, or only for the whole agency?",
                        [
                            (
                                "facilitator",
                                "By county where at least 11 children are counted; smaller "
                                "numbers are combined to protect privacy.",
                                True,
                            )
                        ],
                    ),
                    (
                        "school",
                        "comment",
                        "Please include school stability: how many children change schools when they "
                        "move placements.",
                        [("health", "Agreed, and health check-ups within 30 days.", False)],
                    ),
                    ("health", "question", "How often will the data be refreshed?", []),
                ],
            },
            {
                "slug": "case-review-tool",
                "title": "Updating the case review tool",
                "intro": "Questions reviewers ask when they read a sample of cases.",
                "summary": "<p>Comments open next month on the revised case review questions.</p>",
                "question": "Which questions should reviewers add or drop?",
                "opens": 14,
                "closes": 44,
                "threads": [],
            },
        ],
        "plan": [
            (
                "Share results with the community every quarter",
                "on_track",
                "Quality assurance unit",
                ("Quarterly reports published on time", "%", 25, 100, 75),
                ["SF-QA", "SF-AR"],
                [
                    (
                        "Publish a public dashboard",
                        "on_track",
                        "Quality assurance unit",
                        [
                            ("Agree the eight measures", "done", "Quality improvement workgroup", -20, None),
                            ("Build the dashboard page", "on_track", "Information systems", 40, None),
                        ],
                    ),
                ],
            ),
        ],
    },
    {
        "slug": "out-of-home-care",
        "title": "Out-of-home care workgroup",
        "private": False,
        "mode": "open",
        "cfsr": ["P1", "WB3", "SF-TR"],
        "intro": "Foster and kinship care: placements close to home, stable and supported.",
        "charter": "<p>Foster parents, kinship caregivers, youth with care experience and providers work "
        "with the agency on placement stability and caregiver support.</p>",
        "members": ["fosterparent", "youth", "provider"],
        "topics": [
            {
                "slug": "caregiver-training",
                "title": "New caregiver training schedule",
                "intro": "Moving part of the pre-service training online.",
                "summary": "<p>Six of the twelve training sessions would move online; the others stay "
                "in person on Saturdays.</p>",
                "question": "Which sessions must stay in person, and why?",
                "opens": -8,
                "closes": 12,
                "threads": [
                    (
                        "fosterparent",
                        "comment",
                        "Keep the trauma-informed care session in person. Practising with other parents "
                        "was the most useful part.",
                        [],
                    ),
                    (
                        "youth",
                        "question",
                        "Will young people with care experience still help teach a session?",
                        [
                            ("facilitator", "Yes. The youth panel stays in person and is paid.", True),
                            (
                                "fosterparent",
                                "That panel changed how I talk with teens. Glad it stays.",
                                False,
                            ),
                        ],
                    ),
                ],
            },
            {
                "slug": "placement-stability",
                "title": "Placement stability ideas",
                "intro": "What helps a placement last?",
                "summary": "<p>An open conversation to collect ideas before we draft a policy.</p>",
                "question": "What support helped a placement last, or would have?",
                "opens": -20,
                "closes": 30,
                "threads": [
                    (
                        "provider",
                        "comment",
                        "A call from the caseworker in the first 72 hours of a placement makes a big "
                        "difference.",
                        [],
                    ),
                    (
                        "youth",
                        "comment",
                        "Let us keep our phone and stay in touch with friends. Moving is hard enough.",
                        [],
                    ),
                ],
            },
        ],
        "plan": [
            (
                "Children stay in one stable placement",
                "delayed",
                "Placement unit",
                ("Children with two or fewer placements in 12 months", "%", 68, 86, 70),
                ["P1"],
                [
                    (
                        "Support caregivers in the first month",
                        "delayed",
                        "Caregiver support team",
                        [
                            (
                                "Caseworker call within 72 hours of placement",
                                "at_risk",
                                "Casework units",
                                20,
                                ("Calls made within 72 hours", "%", 40, 95, 58),
                            ),
                            (
                                "Start a caregiver peer-mentor program",
                                "not_started",
                                "Foster parent association",
                                75,
                                None,
                            ),
                        ],
                    ),
                ],
            ),
            (
                "Caregivers are trained and ready",
                "on_track",
                "Training unit",
                None,
                ["SF-TR"],
                [
                    (
                        "Blend online and in-person training",
                        "on_track",
                        "Training unit",
                        [
                            ("Record six sessions for online use", "on_track", "Training unit", 50, None),
                        ],
                    ),
                ],
            ),
        ],
    },
]
