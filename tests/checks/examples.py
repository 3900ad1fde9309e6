"""Labelled example messages for the AsyncWriter checks (pure data, no logic).

These tables are labelled from the definitions in ``/work/shared/PRODUCT.md`` and
``docs/rules.md``, not from any implementation. They are meant to be consumed by
parametrised tests under ``tests/checks``.

Reference point for every table: now = Monday 2026-11-23 09:00 UTC, writer zone UTC
(``lint(text, now=datetime(2026, 11, 23, 9, 0, tzinfo=UTC), tz="UTC")``).

``EXAMPLES``: ``(rule_id, should_flag, clean)``. Every message in ``should_flag`` must
raise ``rule_id``; no message in ``clean`` may raise ``rule_id``. Only that rule is
asserted: a clean message may well raise other rules.

``DEADLINES``: ``(message, deadline_text, iso_datetime_or_None, timezone_or_None)``.
``deadline_text`` is the time expression exactly as it appears in the message, without
the leading marker word ("by", "before", "due", "no later than", "open for/until",
"closes at", "next update at", "Deadline:"); words such as "EOD", "end of day" or
"end of week" are part of the expression. A consumer should match the reported deadline
text by overlap (one contains the other). ``iso_datetime`` is the resolved moment with
its UTC offset (None when it cannot be resolved, e.g. an ambiguous zone abbreviation);
``timezone`` is an IANA name, "UTC", a "+HH:MM" offset, "AoE", or None when the text
states no zone (the datetime is then resolved in the writer's zone, UTC) or only an
ambiguous abbreviation. Date-only deadlines resolve to 23:59:00 of that day; "next
<weekday>" is read as that weekday in the following week.
"""

from __future__ import annotations

EXAMPLES: list[tuple[str, list[str], list[str]]] = [
    # ------------------------------------------------------------------ summary.missing
    (
        "summary.missing",
        [
            # Long (5+ lines, 60+ words), opening is greeting + background, point at the end.
            "Hi team,\n"
            "Last week I spent some time going through the on-call logs from October and November, "
            "and I also talked with Priya and Marc about how the rotation has felt since we moved to the new pager tool.\n"
            "There were a lot of pages overnight, many of them from the same two noisy alerts, and people said they are tired.\n"
            "The handover notes were also inconsistent between shifts.\n"
            "So I'd like to propose that we move to a follow-the-sun rotation starting in January; "
            "please approve or reject by Friday 27 Nov 17:00 UTC.",
            "Hey all 👋\n"
            "So on Saturday I was poking around in the billing service because Zoë had noticed some odd numbers in the nightly export.\n"
            "At first it looked like a rounding issue, then like a time zone bug in the batch job, and we went back and forth on it for a while.\n"
            "After a few hours José found that the retry logic was re-sending some invoices.\n"
            "Long story short: about 1,200 customers were double-charged and we need to decide today whether to refund them automatically.",
            "Subject: Quick update\n"
            "Hello everyone,\n"
            "As you know, the team has been working on the search migration for a while, and there have been many moving parts "
            "between the indexing jobs, the new cluster and the client libraries.\n"
            "We had several discussions with the platform group about capacity and about how to stage the rollout across regions.\n"
            "There were also a few surprises with mapping changes that took longer than we expected.\n"
            "Bottom line: we will miss the 1 December launch by two weeks.",
            "Some notes from this week:\n"
            "- met with the vendor twice to go over the contract terms and their support tiers\n"
            "- compared their pricing against the two alternatives we looked at in the summer\n"
            "- checked with Legal about the data-processing addendum and the retention clauses\n"
            "- collected feedback from Björn's team, who ran the trial for three weeks\n"
            "Given all that, I recommend we sign with Acme for two years, and I need your approval by Friday 27 Nov.",
            "Good morning! ☀️ Hope everyone had a restful weekend.\n"
            "I wanted to write up a few thoughts that have been on my mind since the planning session, where we spent a long time "
            "on the roadmap and on how the mobile and web teams coordinate their releases.\n"
            "A number of people said that our release calendar is hard to follow and that the freeze dates keep moving.\n"
            "I looked at the last six releases and the freeze slipped in four of them.\n"
            "Because of that, starting with the January release, code freeze will always be the first Tuesday of the month.",
            "# Notes\n"
            "The team met on Thursday with people from Support, Sales and Engineering to look at the growing backlog of enterprise onboarding requests.\n"
            "We walked through each of the open requests, talked about what slows them down, and compared the steps with how Łukasz's team handled onboarding last year.\n"
            "There was a long discussion about the SSO setup step and about who owns the customer kickoff call.\n"
            "Support also shared survey numbers from the last quarter.\n"
            "The outcome is that onboarding moves to the Support team on 1 January, and Sales needs to sign off on that.",
            "Hi @Camille,\n"
            "Back in September we agreed to keep the legacy export API alive until the partners had migrated, and we set a reminder for Q4.\n"
            "Since then three of the five partners have moved over, one says they are working on it, and one has not answered any of our emails.\n"
            "Keeping the old API running costs us roughly a day of maintenance every sprint, and it blocks the database upgrade.\n"
            "Can you decide whether we switch it off on 15 December even if the last partner has not migrated?",
        ],
        [
            # A message of a few short lines is its own summary.
            "Deploy of v2.3 is done ✅, no action needed.\n"
            "The rollback plan stays in place until Friday.",
            # Long, but TL;DR at the top.
            "TL;DR: we'll miss the 1 Dec search launch by two weeks; I need a go/no-go from @Ana by Thursday 26 Nov 17:00 UTC.\n"
            "The team has been working on the migration for a while, with many moving parts between the indexing jobs, the new cluster and the client libraries.\n"
            "We had several discussions with the platform group about capacity and about staging the rollout across regions.\n"
            "Mapping changes took longer than expected, and load tests on the new cluster failed twice last week.",
            # Long, Summary: line at the top.
            "Summary: a retry bug double-charged about 1,200 customers; refunds go out today, no action needed from you.\n"
            "On Saturday Zoë noticed some odd numbers in the nightly export of the billing service.\n"
            "At first it looked like a rounding issue, then like a time zone bug in the batch job.\n"
            "After a few hours José found that the retry logic was re-sending some invoices, and he shipped a fix on Sunday evening.\n"
            "Support has a macro ready for customers who write in.",
            # Subject line states the point.
            "Subject: Decision needed: move on-call to follow-the-sun from January\n"
            "Hi all,\n"
            "Last week I went through the on-call logs from October and November and talked with Priya and Marc about the rotation.\n"
            "There were many overnight pages, mostly from the same two noisy alerts, and people said they are tired.\n"
            "The handover notes were also inconsistent between shifts.\n"
            "Please approve or reject by Friday 27 Nov 17:00 UTC.",
            # First sentence after the greeting states the point.
            "Hi team, we will miss the 1 December search launch by two weeks because the new cluster failed its load tests.\n"
            "The indexing jobs and client libraries are ready, but the cluster fell over at 1.5x last year's peak traffic.\n"
            "The platform group is adding nodes and tuning the heap settings this week.\n"
            "We'll rerun the load tests on Wednesday 2 December and share the new date right after.\n"
            "FYI, no action needed from your side yet.",
            # BLUF line with a list below.
            "BLUF: please approve the Acme contract (2 years, €48k/year) by Friday 27 Nov 17:00 CET.\n"
            "- we met with the vendor twice to go over the contract terms and support tiers\n"
            "- their price is 15% below the two alternatives we looked at in the summer\n"
            "- Legal is fine with the data-processing addendum and the retention clauses\n"
            "- Björn's team ran a three-week trial and wants to keep it",
            # Markdown title states the point.
            "# Incident resolved: billing double-charges stopped, refunds in progress\n"
            "On Saturday a retry bug in the billing service re-sent about 1,200 invoices.\n"
            "José shipped a fix on Sunday evening and no new duplicates have appeared since then.\n"
            "Refunds started this morning and should finish by Tuesday 24 Nov 18:00 UTC.\n"
            "Support has a macro ready for customers who write in. FYI, no action needed.",
            # Short ask, its own summary.
            "@sam can you review the rollout plan by Wed 25 Nov 15:00 UTC?\n"
            "https://github.com/acme/infra/pull/77",
        ],
    ),
    # ------------------------------------------------------------------ ask.missing
    (
        "ask.missing",
        [
            "Deployed v2.3.1 to production at 14:10 UTC. Error rates look normal so far.",
            "The migration to Postgres 16 is about 70% done. We moved the orders and users tables this week; the analytics tables are next.",
            "Hi all,\nI finished the Q4 capacity review. We have enough headroom in eu-west until March, but us-east will be tight by February.",
            # The only question is someone else's, quoted.
            "> Can we ship on Friday?\nWe shipped on Thursday instead, everything went fine 🎉",
            # The only question mark is inside a code block.
            "Here's the log line from last night:\n"
            "```\n"
            "WARN retry? attempt=3 host=db-2\n"
            "```\n"
            "The retries worked and the job finished at 04:12 UTC.",
            "Björn and Zoë closed out the accessibility audit today. All 14 findings are fixed.",
            "Weekly status:\n- Search: on track\n- Billing: one week behind, the vendor changed its API\n- Mobile: 4.12 released to 10% of users",
        ],
        [
            "FYI, no action needed: the staging cluster will be rebuilt tonight.",
            "Heads-up: Björn is out Thursday and Friday; Zoë covers on-call.",
            "For awareness — we rotated the API keys for the payments sandbox. Nothing changes for you.",
            "@sam can you review the rollout plan by Wed 25 Nov 15:00 UTC? https://github.com/acme/infra/pull/77",
            "Please approve option B by Friday 27 Nov: https://docs.acme.io/vendor-choice",
            "Can we ship 4.12 on Friday, or do you need more time for QA?",
            "Deployed v2.3.1.\nJosé, mind confirming that the invoice export still runs?",
            "> Can we ship on Friday?\nNot yet. @Ana please sign off on the release notes first: https://docs.acme.io/rn-4-12",
        ],
    ),
    # ------------------------------------------------------------------ ask.vague
    (
        "ask.vague",
        [
            "I drafted a proposal for the new on-call rotation: https://docs.acme.io/oncall-v2\nThoughts?",
            "Here's the Q1 roadmap draft 🗺️ https://notion.so/acme/q1-roadmap\nAny feedback welcome!",
            "Pushed a first cut of the caching layer: https://github.com/acme/api/pull/812\nLet me know what you think.",
            "The new pricing page is live on staging: https://staging.acme.io/pricing\nWDYT?",
            "Slides for Thursday's all-hands are here: https://slides.acme.io/all-hands-nov\nQuestions?",
            "Olá pessoal! I rewrote the onboarding checklist: https://wiki.acme.io/onboarding\nThoughts? Any feedback welcome 🙏",
            "Two options for the logging budget:\n"
            "1. keep 30 days of logs (€2k/month)\n"
            "2. keep 14 days of logs (€900/month)\n"
            "Details: https://wiki.acme.io/logging-budget\n"
            "Let me know what you think!",
        ],
        [
            # Vague ask plus an explicit one.
            "Thoughts? Specifically, @sam can you approve option B by Friday 27 Nov? https://docs.acme.io/vendor-choice",
            "Please review the caching PR https://github.com/acme/api/pull/812 by Wed 25 Nov. Any feedback welcome.",
            # "what you think" with an object.
            "Let me know what you think about moving the launch to 8 December.",
            # No ask at all (FYI).
            "FYI, no action needed: the Q1 roadmap draft is here https://notion.so/acme/q1-roadmap",
            # The vague ask is someone else's words.
            "> Thoughts?\nI prefer option B; @Ana please make the call by Thursday 26 Nov 17:00 UTC.",
            # "thoughts?" inside a code block.
            "```\n# TODO: thoughts?\n```\nMarc, can you confirm this TODO can be deleted before the 4.12 release?",
            "Can we ship on Friday?",
            "What do you think: should we keep the legacy API until March, or switch it off on 15 December?",
        ],
    ),
    # ------------------------------------------------------------------ deadline.missing
    (
        "deadline.missing",
        [
            "Please approve option B in the vendor comparison: https://docs.acme.io/vendor-choice",
            "@sam can you review the rollout plan? https://github.com/acme/infra/pull/77",
            "Hi Zoë, could you update the on-call schedule for December with the new hires?",
            "We need a decision on whether to refund automatically or case by case. @Marc please pick one.",
            "Łukasz, please send me the signed DPA from the vendor.",
            "Requests:\n- @Priya: sign off on the release notes\n- @José: rotate the staging credentials",
            # The only time is an event (maintenance window), not a deadline.
            "Maintenance window is Saturday 28 Nov 02:00–04:00 UTC.\n@Ana please confirm the customer notice text.",
        ],
        [
            "@sam can you review the rollout plan by Wed 25 Nov 15:00 UTC? https://github.com/acme/infra/pull/77",
            # A vague deadline is still a deadline (deadline.vague fires instead).
            "Please approve option B ASAP.",
            "FYI, no action needed: the staging rebuild finished.",
            # A question for information only.
            "Quick question: which Postgres version is prod on?",
            "Zoë, could you update the on-call schedule by tomorrow?",
            "Please vote on the new logo 🗳️ the poll is open for 72 hours: https://poll.acme.io/logo",
            "Does anyone know who owns the billing-export cron job?",
            "RCA by end of day Wednesday 25 Nov ET. Heads-up, no action needed from support.",
        ],
    ),
    # ------------------------------------------------------------------ deadline.vague
    (
        "deadline.vague",
        [
            "Please review the PR ASAP: https://github.com/acme/api/pull/812",
            "Need sign-off on the release notes by EOD 🙏",
            "@José can you send the Q3 numbers soon?",
            "When you get a chance, could you look at the DPA? https://docs.acme.io/dpa",
            "Submissions close at midnight on Friday 27 Nov UTC.",
            # 27 Nov 2026 is a Friday.
            "Please send your slides by Thursday 27 Nov 17:00 UTC.",
            "Budget requests are due end of day, please don't be late.",
            # 2 Dec 2026 is a Wednesday.
            "Please approve the budget by Tuesday, 2 December.",
        ],
        [
            "Please review the PR by Wed 25 Nov 15:00 UTC: https://github.com/acme/api/pull/812",
            "Need sign-off on the release notes by EOD Friday 27 Nov PT.",
            "Submissions close at 23:59 UTC on Friday 27 Nov.",
            "Please send your slides by Thursday 26 Nov 17:00 UTC.",
            # ASAP in someone else's quoted words.
            "> can you do it ASAP?\nYes, I'll have it done by Wednesday 25 Nov 12:00 UTC.",
            # ASAP inside inline code.
            "The `--asap` flag is gone in v3; please update your scripts by 4 Dec.",
            # "soon" that is not a deadline.
            "Heads-up: the new office in Lisbon opens soon, no action needed.",
            "Please approve the budget by Tuesday 1 December.",
        ],
    ),
    # ------------------------------------------------------------------ deadline.no-timezone
    (
        "deadline.no-timezone",
        [
            "Please send the figures by Thursday 26 Nov 17:00.",
            "@Ana can you approve the budget by EOD Friday?",
            "Release notes due 27 Nov at 3pm, please.",
            "RCA will be shared by 14:00 on Wednesday 25 Nov.",
            "Reviews:\n- @Marc: API changes by Tue 24 Nov 10:00\n- @Zoë: docs by Wed 25 Nov 16:00",
            "Hola Sofía, ¿puedes revisar el contrato? I need it back by 11:30 on Monday 30 Nov.",
            "Please have the slides ready by 9:00 on Tuesday 1 Dec 🙏",
        ],
        [
            # Meeting time is an event; the deadline is date-only.
            "Reminder: standup is at 10:00 tomorrow in the big room.\nSeparately, please send your Q1 goals by Friday 27 Nov.",
            # Message-wide declaration.
            "All times UTC.\nPlease approve the change by Thursday 26 Nov 17:00.",
            # Date-only deadline.
            "Please send your slides by Friday 27 Nov.",
            "@Ana can you approve the budget by EOD Friday 27 Nov PT?",
            "Please merge by 2026-11-26 17:00 Europe/Berlin.",
            # The clock time is inside a code block.
            "The cron line is:\n```\n0 3 * * * backup.sh  # runs at 03:00\n```\nPlease review the schedule by 30 Nov.",
            # Event times (outage start/end), not deadlines.
            "The outage ran from 14:02 to 14:40 and is resolved. FYI, no action needed.",
            "(times in PT)\n@Marc can you finish the review by 3pm Wednesday 25 Nov?",
            # The time is in someone else's quoted words.
            "> Can you send it by 17:00?\nSent it just now, FYI.",
        ],
    ),
    # ------------------------------------------------------------------ time.no-timezone
    # Added with issue 15: event times (not deadlines) with a clock time and no zone.
    (
        "time.no-timezone",
        [
            "Heads-up: we'll run a second load test at 3pm on Wednesday. FYI, no action needed.",
            "The design review is Thursday 26 Nov at 14:00. @Priya please bring the latency numbers by Wed 25 Nov 17:00 UTC.",
            "Maintenance window: Sat 28 Nov 02:00–04:00, the API will be read-only. FYI.",
            "Reminder: the retro moves to 16:30 tomorrow. FYI.",
            "Can everyone join the kickoff call at 9am on Tuesday 1 Dec?",
            "We cut over the billing database on Sunday 29 Nov at 06:00; writes pause for about ten minutes. No action needed.",
            "Office hours with the platform team are every Wednesday at 11:00 on Zoom. FYI 🙂",
        ],
        [
            # A zone, a declared zone, a deadline (reported by deadline.no-timezone instead).
            "Heads-up: we'll run a second load test at 3pm CET on Wednesday. FYI, no action needed.",
            "All times UTC. The design review is Thursday 26 Nov at 14:00. FYI.",
            "Please send the slides by Thursday 26 Nov 17:00.",
            # What already happened: a timeline, a narrative, a stamp.
            "Timeline:\n- 14:02 alerts fire on checkout\n- 14:09 on-call acknowledged\n- 14:30 error rate is back to normal\n\nFYI, resolved.",
            "The outage ran from 02:10 to 02:45 and is resolved. FYI, no action needed.",
            "Queue update (11:20): the backlog is gone. FYI.",
            # No clock time: a date, a duration, a figure of speech.
            "The migration is planned for Friday 4 Dec. FYI, no action needed.",
            "The freeze lasts for 48 hours. FYI.",
            "At the end of the day it's your decision which option we pick. FYI.",
            # In a room only; a time restated with its zone earlier in the message or paragraph.
            "Team lunch is at 12:30 in the big meeting room on the 3rd floor. FYI.",
            "Go-live: Sun 29 Nov, 06:00 UTC.\n\nIf you can't staff the 06:00 go-live, tell me by Wed 25 Nov 17:00 UTC.",
            "The window is Sat 28 Nov, 02:00–03:00 UTC. We take a snapshot at 01:45 first. FYI.",
            # The time is in someone else's quoted words.
            "> shall we meet at 15:00?\nSure, see you then. FYI for the rest of the team.",
        ],
    ),
    # ------------------------------------------------------------------ deadline.relative
    (
        "deadline.relative",
        [
            "Please approve the budget by tomorrow.",
            "@José can you send the numbers by next week?",
            "The RFC vote is open for 72 hours: https://rfc.acme.io/42 — please vote.",
            "Please review the PR by Thursday: https://github.com/acme/api/pull/812",
            "Need your sign-off by 17:00 UTC 🙏",
            "Zoë, please have the flaky-test fix merged in 3 days.",
            "Incident mitigated. RCA by end of day Wednesday ET.",
        ],
        [
            "Please approve the budget by Thursday 26 Nov 17:00 UTC.",
            "Please send feedback by 2026-11-30.",
            "Papers due Dec 3 AoE.",
            # Relative words for an event, absolute deadline for the ask.
            "Reminder: tomorrow's standup moves to 10:00 UTC. Please send your goals by Friday 27 Nov.",
            "FYI: next week we start migrating the analytics tables, no action needed.",
            # Relative deadline only in quoted text.
            "> can you do it by tomorrow?\nDone ✅ FYI",
            "The vote closes on 26 Nov at 09:00 UTC: https://rfc.acme.io/42 — please vote.",
            # Duration inside a code block.
            "```\nsleep 72h && ./cleanup.sh\n```\nPlease review the cleanup script by 1 Dec.",
        ],
    ),
    # ------------------------------------------------------------------ deadline.past
    (
        "deadline.past",
        [
            "Please submit your expenses by 2026-11-20.",
            "@Ana can you approve the budget by Friday 20 Nov 17:00 UTC?",
            "Reminder: talk proposals are due Nov 15 AoE — please submit!",
            # 08:00 UTC today is one hour before now.
            "Please confirm the vendor slot by 08:00 UTC today.",
            "RCA will be published by 2026-11-22 18:00 UTC.",
            "Reviews:\n- @Marc: API changes by 2 Nov 2026\n- @Zoë: docs by 30 Nov 2026",
            "Licence renewal deadline: 31 October 2026. Łukasz, please renew it.",
        ],
        [
            # Past event, not a deadline.
            "The outage on Nov 20 at 14:00 UTC is resolved; postmortem: https://status.acme.io/inc/311\nFYI, no action needed.",
            "Please submit your expenses by 2026-11-30.",
            # Later today.
            "Please confirm the vendor slot by 17:00 UTC today.",
            "Since 2 November error rates are down 40%. @Marc please confirm the numbers by Friday 27 Nov.",
            # Past deadline only in quoted text.
            "> please send it by Nov 20\nSent it on Nov 19, FYI.",
            # Nearest 15 Jan is 2027-01-15.
            "Please renew the licence by 15 Jan.",
            # Date-only today: end of today, after now.
            "Please send the figures by Monday 23 Nov.",
            "Code freeze started on 16 Nov; please merge hotfixes only, by Wed 25 Nov 12:00 UTC.",
        ],
    ),
    # ------------------------------------------------------------------ timezone.ambiguous
    (
        "timezone.ambiguous",
        [
            "Please review by Thursday 26 Nov 17:00 CST.",
            "Standup moves to 9:30 IST starting Monday 30 Nov.",
            "Maintenance window: Saturday 28 Nov 02:00–04:00 BST.",
            "RCA by 5pm AST on Friday 27 Nov.",
            "Call with the Dubai team at 10:00 GST on Tue 1 Dec 📞",
            "Can you send it before 18:00 SST on 30 Nov?",
            "Release at 3 PM ECT on Wednesday 25 Nov.",
        ],
        [
            # Abbreviation inside code, not prose.
            "The `CST` column in the export stores times as UTC; please fix the header by 30 Nov.",
            "To reproduce, run `schedule --at '17:00 CST'` on staging. FYI, no action needed.",
            # Words that contain or look like zones.
            "The cost of the new cluster is $4k/month; please approve by Friday 27 Nov 17:00 UTC.",
            "Prices exclude GST; please approve the quote by 27 Nov.",
            "The IST team in Bangalore has taken over on-call for the payments service.",
            "Rebalancing the BST index finished at 14:00 UTC. FYI.",
            # Unambiguous zones.
            "Please review by 17:00 CET on Thursday 26 Nov.",
            "Review due 9:30 Asia/Kolkata on Wed 25 Nov.",
            "Standup is at 10:00 PT (18:00 UTC) from now on.",
            "Vendor log excerpt:\n```\n2026-11-20 14:02 CST ERROR timeout\n```\nThat came from their server; we saw nothing on our side. FYI.",
        ],
    ),
    # ------------------------------------------------------------------ links.missing
    (
        "links.missing",
        [
            "Hi all, quick status on the search migration. We moved the orders and users indexes to the new cluster on Thursday, "
            "and p95 query latency dropped from 180 ms to 95 ms. The analytics indexes move next, on Tuesday 1 December. "
            "We hit one snag with memory on the older nodes, which Zoë fixed by resizing them. Please tell @Marc by "
            "Wednesday 25 Nov 17:00 UTC if your team still queries the old cluster directly, so we can plan the cutover.",
            "Hello everyone,\n"
            "The team offsite is confirmed for 14–16 January in Porto 🇵🇹. We have rooms for twenty people at a hotel near the river, "
            "and lunch is covered on all three days. Travel is booked individually this time, so please keep your receipts and stay "
            "within the usual limits. Inês is collecting dietary requirements and accessibility needs.\n"
            "Please send her yours by Friday 4 Dec, and tell me by the same date if you cannot attend.",
            "Weekly status, week 48:\n"
            "- Search: on track; the new cluster handles twice last year's peak load in our tests\n"
            "- Billing: one week behind because the payment provider changed its refund endpoint without notice\n"
            "- Mobile: version 4.12 is out to 10% of Android users, and the crash rate is flat\n"
            "- Hiring: two offers accepted; a senior backend engineer starts on 4 January and a product designer joins the mobile team in February\n"
            "FYI, no action needed from anyone this week.",
            "Update on the login errors: since 08:10 UTC about 3% of sign-ins fail with a timeout. The cause is a certificate that "
            "expired on one of the three identity proxies; the other two are healthy. Łukasz is rotating the certificate now and we "
            "expect full recovery within the hour. Customers who retry usually get in on the second attempt. Next update at 10:00 UTC, "
            "or sooner if anything changes. No action needed from support yet.",
            "Hi Camille,\n"
            "We need to choose how to handle the customers who were charged twice last weekend. Option A refunds everyone automatically "
            "tonight, which is fast but also refunds about forty people who really were charged twice on purpose. Option B has support "
            "review each case, which is accurate but takes roughly five working days. I recommend option A, because the cost of the wrong "
            "refunds is small compared with the goodwill.\nPlease pick one by Tuesday 24 Nov 12:00 UTC.",
            "Kudos to the platform team 🎉 Over the last quarter they cut our cloud bill by 22% by moving batch jobs to spot instances, "
            "shutting down idle staging environments at night, and right-sizing the largest databases. None of this changed anything "
            "for users, and our error budget stayed intact the whole time. Special thanks to Søren and Amélie, who did most of the careful "
            "planning and testing. Heads-up: the next round of savings starts in January and may touch your team's services.",
        ],
        [
            # Short, no link needed.
            "Deployed v2.3.1, all green ✅ FYI, no action needed.",
            "@Marc can you confirm by Wed 25 Nov 17:00 UTC whether your team still queries the old search cluster directly? "
            "We want to switch it off on 1 December. Thanks! 🙏",
            # Long, bare URL.
            "Hi all, quick status on the search migration. We moved the orders and users indexes to the new cluster on Thursday, "
            "and p95 query latency dropped from 180 ms to 95 ms. The analytics indexes move next, on Tuesday 1 December. "
            "We hit one snag with memory on the older nodes, which Zoë fixed by resizing them. Please tell @Marc by "
            "Wednesday 25 Nov 17:00 UTC if your team still queries the old cluster directly. Cutover plan: https://wiki.acme.io/search/cutover",
            # Long, Markdown link.
            "Hello everyone,\n"
            "The team offsite is confirmed for 14–16 January in Porto 🇵🇹. We have rooms for twenty people at a hotel near the river "
            "([hotel details](https://travel.acme.io/porto-2027)), and lunch is covered on all three days. Travel is booked individually "
            "this time, so please keep your receipts and stay within the usual limits.\n"
            "Please send Inês your dietary requirements by Friday 4 Dec, and tell me by the same date if you cannot attend.",
            # Long, autolink.
            "Weekly status, week 48 (full report: <https://status.acme.io/weekly/48>):\n"
            "- Search: on track; the new cluster handles twice last year's peak load in our tests\n"
            "- Billing: one week behind because the payment provider changed its refund endpoint without notice\n"
            "- Mobile: version 4.12 is out to 10% of Android users, and the crash rate is flat\n"
            "- Hiring: two offers accepted, one senior backend engineer starts on 4 January\n"
            "FYI, no action needed from anyone this week.",
            # Long, Slack link.
            "Hi Camille,\n"
            "We need to choose how to handle the customers who were charged twice last weekend "
            "(<https://billing.acme.io/incidents/311|incident page>). Option A refunds everyone automatically tonight, which is fast "
            "but also refunds about forty people who really were charged twice on purpose. Option B has support review each case, "
            "which is accurate but takes roughly five working days. I recommend option A.\nPlease pick one by Tuesday 24 Nov 12:00 UTC.",
            # Long, HTML link.
            "Kudos to the platform team 🎉 Over the last quarter they cut our cloud bill by 22% by moving batch jobs to spot instances, "
            "shutting down idle staging environments at night, and right-sizing the largest databases "
            '(<a href="https://blog.acme.io/cloud-savings">write-up</a>). None of this changed anything for users, and our error budget '
            "stayed intact the whole time. Special thanks to Søren and Amélie. Heads-up: the next round of savings starts in January.",
            # Long, no link, but an unlinked reference (reported by links.unlinked-reference instead).
            "Update on the login errors: since 08:10 UTC about 3% of sign-ins fail with a timeout, as you can see on the dashboard. "
            "The cause is a certificate that expired on one of the three identity proxies; the other two are healthy. Łukasz is rotating "
            "the certificate now and we expect full recovery within the hour. Customers who retry usually get in on the second attempt. "
            "Next update at 10:00 UTC. No action needed from support yet.",
        ],
    ),
    # ------------------------------------------------------------------ links.unlinked-reference
    (
        "links.unlinked-reference",
        [
            "Please review the doc before Thursday's meeting and leave comments by Wed 25 Nov 17:00 UTC.",
            "Can you approve PR #123? It blocks the release.",
            "Hi Zoë 👋 OPS-1234 is still open; can you take it?",
            "Latency spiked again, see the dashboard 📈",
            "As discussed in that thread with the infra team, we'll pin the Node version to 20.",
            "The steps are in the runbook; please follow them for the failover drill on Friday 27 Nov.",
            "The Q3 numbers are in the attached spreadsheet. FYI.",
            "I updated the spec to cover the retry behaviour. @José please re-read section 4.",
            "Before launch:\n- sign off on the pricing spec\n- merge this PR\n- update the runbook",
            # A form or survey the reader is asked to fill in (issue 15).
            "Reminder for everyone: please complete the security questionnaire by Fri 27 Nov.",
        ],
        [
            "The issue is that the cache never expires, so stale prices show up after a change.",
            "Replying in this thread: yes, I can cover on-call on Friday.",
            "We should write a doc about the failover process at some point.",
            "Please comment on the [design doc](https://docs.acme.io/design/search-v2) by Fri 27 Nov.",
            "Ticket: https://acme.atlassian.net/browse/OPS-1234\n@Marc can you take it?",
            # Link in the paragraph right after the mention.
            "Latency spiked again, see the dashboard:\n\nhttps://grafana.acme.io/d/api-latency",
            # Look-alikes of ticket keys.
            "Make sure the export file is UTF-8 and the dates use ISO-8601.",
            "Please review the PR by Wed 25 Nov: <https://github.com/acme/api/pull/812|#812>",
            'Steps for the drill are in the <a href="https://wiki.acme.io/runbooks/failover">failover runbook</a>.',
            # A product's form is not a document to open; a report alone is too vague (issue 15).
            "The checkout form now validates postcodes before payment. FYI, no action needed.",
            "The weekly report looks better since the cache fix. FYI.",
        ],
    ),
    # ------------------------------------------------------------------ structure.placeholder
    # Added with the templates (issue 3); labelled from the definition in docs/rules.md.
    (
        "structure.placeholder",
        [
            "TL;DR: {{what changed}}. Please review the rollout plan by Thu 26 Nov 17:00 UTC: https://example.com/plan",
            "Hi {{name}}, can you approve the budget by Fri 27 Nov, 12:00 UTC?",
            "Please approve option B by {{day, date, time and time zone}}.",
            "The design doc is [here]({{link to the doc}}); please comment by Wed 25 Nov 17:00 UTC.",
            "## Impact\n{{who is affected and how badly}}\n\nNext update at 15:00 UTC.",
            "- [ ] {{action}}: @sam, due Fri 4 Dec",
            "Status: {{}}",
        ],
        [
            "In the Jinja template, use `{{ user.name }}` to print the name. Please review by Thu 26 Nov 17:00 UTC.",
            "The config looks like this:\n\n```\nname: {{ .Values.name }}\n```\n\nFYI, no action needed.",
            "Set {x} to the new value and {y} to the old one. FYI, no action needed.",
            "Mustache tags look like { {this} } only when broken. FYI.",
            "Please approve option B by Thu 26 Nov, 17:00 UTC.",
            "Braces {{ on one line\nand }} on the next are not a placeholder. FYI.",
        ],
    ),
]


DEADLINES: list[tuple[str, str, str | None, str | None]] = [
    # Reference: now = Monday 2026-11-23 09:00 UTC, writer zone UTC.
    (
        "Please send the figures by Thursday 5 pm UTC.",
        "Thursday 5 pm UTC",
        "2026-11-26T17:00:00+00:00",
        "UTC",
    ),
    (
        "@Ana please merge the release branch before 2026-12-03 17:00 CET.",
        "2026-12-03 17:00 CET",
        "2026-12-03T17:00:00+01:00",
        "Europe/Paris",
    ),
    (
        "The vote is open for 72 hours, please cast yours: https://poll.acme.io/rfc-42",
        "72 hours",
        "2026-11-26T09:00:00+00:00",
        None,
    ),
    (
        "@José can you send the invoice list EOD Friday PT?",
        "EOD Friday PT",
        "2026-11-27T17:00:00-08:00",
        "America/Los_Angeles",
    ),
    ("Camera-ready papers are due by Dec 3 AoE.", "Dec 3 AoE", "2026-12-03T23:59:00-12:00", "AoE"),
    (
        "Please sign off by 26 Nov 17:00 Europe/Berlin.",
        "26 Nov 17:00 Europe/Berlin",
        "2026-11-26T17:00:00+01:00",
        "Europe/Berlin",
    ),
    (
        "Zoë, please push the hotfix by 9am Pacific tomorrow 🙏",
        "9am Pacific tomorrow",
        "2026-11-24T09:00:00-08:00",
        "America/Los_Angeles",
    ),
    (
        "Priya, please confirm the vendor slot no later than 14:30 UTC+5:30 on Wednesday.",
        "14:30 UTC+5:30 on Wednesday",
        "2026-11-25T14:30:00+05:30",
        "+05:30",
    ),
    (
        "Please comment by noon London time on Wednesday.",
        "noon London time on Wednesday",
        "2026-11-25T12:00:00+00:00",
        "Europe/London",
    ),
    (
        "Can you get the contract back to me by next Tuesday?",
        "next Tuesday",
        "2026-12-01T23:59:00+00:00",
        None,
    ),
    (
        "Please finish your reviews by end of week.",
        "end of week",
        "2026-11-27T17:00:00+00:00",
        None,
    ),
    (
        "Incident is mitigated. RCA by end of day Wednesday ET.",
        "end of day Wednesday ET",
        "2026-11-25T17:00:00-05:00",
        "America/New_York",
    ),
    ("Expense reports due 2026-11-30.", "2026-11-30", "2026-11-30T23:59:00+00:00", None),
    ("Please send the build by 3pm IST.", "3pm IST", None, None),
    (
        "Please approve by Thursday 26 Nov, 17:00 UTC.",
        "Thursday 26 Nov, 17:00 UTC",
        "2026-11-26T17:00:00+00:00",
        "UTC",
    ),
    ("Please reply by Friday.", "Friday", "2026-11-27T23:59:00+00:00", None),
    # Bare weekday that is today.
    ("Timesheets by Monday please!", "Monday", "2026-11-23T23:59:00+00:00", None),
    ("Can you review the draft by tomorrow?", "tomorrow", "2026-11-24T23:59:00+00:00", None),
    ("I need the numbers EOD today.", "EOD today", "2026-11-23T17:00:00+00:00", None),
    (
        "Legal needs the redlines COB Thursday GMT.",
        "COB Thursday GMT",
        "2026-11-26T17:00:00+00:00",
        "UTC",
    ),
    ("Deadline: 2026-11-25T18:00Z.", "2026-11-25T18:00Z", "2026-11-25T18:00:00+00:00", "UTC"),
    (
        "Please submit by 1 Dec 09:00 +02:00.",
        "1 Dec 09:00 +02:00",
        "2026-12-01T09:00:00+02:00",
        "+02:00",
    ),
    (
        "Björn, please send the slides by 4pm PST on Dec 2.",
        "4pm PST on Dec 2",
        "2026-12-02T16:00:00-08:00",
        "America/Los_Angeles",
    ),
    (
        "Please confirm the headcount by Friday 10:00 America/New_York.",
        "Friday 10:00 America/New_York",
        "2026-11-27T10:00:00-05:00",
        "America/New_York",
    ),
    (
        "Submissions close at midnight Friday UTC.",
        "midnight Friday UTC",
        "2026-11-27T23:59:00+00:00",
        "UTC",
    ),
    ("Please fill in the survey within 48 hours.", "48 hours", "2026-11-25T09:00:00+00:00", None),
    (
        "The poll is open until Friday 12:00 UTC.",
        "Friday 12:00 UTC",
        "2026-11-27T12:00:00+00:00",
        "UTC",
    ),
    (
        "Please get the migration done by end of next week.",
        "end of next week",
        "2026-12-04T17:00:00+00:00",
        None,
    ),
    ("Please renew the certificate by Dec 10.", "Dec 10", "2026-12-10T23:59:00+00:00", None),
    # Date without a year: the nearest such date (next year here).
    ("Please file the renewal by Jan 8.", "Jan 8", "2027-01-08T23:59:00+00:00", None),
    # Date without a year: the nearest such date (in the past here).
    ("Please submit the expense report by Nov 20.", "Nov 20", "2026-11-20T23:59:00+00:00", None),
    (
        "Final numbers by 17:00 CET on 4 December, please.",
        "17:00 CET on 4 December",
        "2026-12-04T17:00:00+01:00",
        "Europe/Paris",
    ),
    (
        "Please send feedback by Wednesday 09:30 Europe/London.",
        "Wednesday 09:30 Europe/London",
        "2026-11-25T09:30:00+00:00",
        "Europe/London",
    ),
    # Sydney is on daylight time (+11:00) in late November.
    (
        "Chloé, can you sign off by 8am Sydney time Thursday?",
        "8am Sydney time Thursday",
        "2026-11-26T08:00:00+11:00",
        "Australia/Sydney",
    ),
    ("Please approve the rollout by 18:00 CST Friday.", "18:00 CST Friday", None, None),
    ("Can you deploy by 10:00 BST tomorrow?", "10:00 BST tomorrow", None, None),
    (
        "Please send the report by Friday 27 Nov 17:00 UTC-3.",
        "Friday 27 Nov 17:00 UTC-3",
        "2026-11-27T17:00:00-03:00",
        "-03:00",
    ),
    (
        "Please vote by Dec 1 12:00 GMT+1.",
        "Dec 1 12:00 GMT+1",
        "2026-12-01T12:00:00+01:00",
        "+01:00",
    ),
    (
        "Please review before Tuesday 1 December 14:00 Asia/Tokyo.",
        "Tuesday 1 December 14:00 Asia/Tokyo",
        "2026-12-01T14:00:00+09:00",
        "Asia/Tokyo",
    ),
    # Weekday that is today, with a clock time still ahead.
    (
        "Please confirm by 5pm ET on Monday.",
        "5pm ET on Monday",
        "2026-11-23T17:00:00-05:00",
        "America/New_York",
    ),
    # Already past at the reference time (deadline.past).
    ("Please confirm by 08:00 UTC today.", "08:00 UTC today", "2026-11-23T08:00:00+00:00", "UTC"),
    (
        "The poll closes at 18:00 UTC on Thursday: https://poll.acme.io/q1",
        "18:00 UTC on Thursday",
        "2026-11-26T18:00:00+00:00",
        "UTC",
    ),
    # Clock time with no day: today.
    (
        "Mitigation in progress. Next update at 11:00 UTC.",
        "11:00 UTC",
        "2026-11-23T11:00:00+00:00",
        "UTC",
    ),
    ("Please send the build by 15:00 UTC.", "15:00 UTC", "2026-11-23T15:00:00+00:00", "UTC"),
    ("Deadline: 2026-12-15.", "2026-12-15", "2026-12-15T23:59:00+00:00", None),
    # Message-wide declaration gives the zone.
    (
        "(all times PT)\n@Marc please finish the review by EOD Thursday.",
        "EOD Thursday",
        "2026-11-26T17:00:00-08:00",
        "America/Los_Angeles",
    ),
    (
        "Please send the slides by 3 p.m. Eastern on Friday.",
        "3 p.m. Eastern on Friday",
        "2026-11-27T15:00:00-05:00",
        "America/New_York",
    ),
    ("Can you approve by noon Wednesday?", "noon Wednesday", "2026-11-25T12:00:00+00:00", None),
    (
        "Reviews close at 23:59 AoE on Dec 5.",
        "23:59 AoE on Dec 5",
        "2026-12-05T23:59:00-12:00",
        "AoE",
    ),
    ("Please send it by 5pm Friday.", "5pm Friday", "2026-11-27T17:00:00+00:00", None),
    # Berlin is on summer time (+02:00) from 28 March 2027.
    (
        "Please book your travel by 29 March 2027 17:00 Europe/Berlin.",
        "29 March 2027 17:00 Europe/Berlin",
        "2027-03-29T17:00:00+02:00",
        "Europe/Berlin",
    ),
    (
        "Please merge before 10:00 Asia/Kolkata on 9 Dec.",
        "10:00 Asia/Kolkata on 9 Dec",
        "2026-12-09T10:00:00+05:30",
        "Asia/Kolkata",
    ),
    (
        "Olá Inês! Podes rever o documento? Please by Fri 27 Nov 18:00 CET 🙏",
        "Fri 27 Nov 18:00 CET",
        "2026-11-27T18:00:00+01:00",
        "Europe/Paris",
    ),
    # The quoted time is an event in someone else's words; only the RCA deadline counts.
    (
        "> the outage started at 14:02 UTC\nRCA by 2026-11-25 12:00 UTC.",
        "2026-11-25 12:00 UTC",
        "2026-11-25T12:00:00+00:00",
        "UTC",
    ),
    # The maintenance window is an event; the ask has a date-only deadline.
    (
        "Maintenance is Saturday 02:00–04:00 UTC. Please ack by Thursday 26 Nov.",
        "Thursday 26 Nov",
        "2026-11-26T23:59:00+00:00",
        None,
    ),
]
