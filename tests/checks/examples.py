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
    # ------------------------------------------------------------ suppression.unknown-rule
    # Added with inline suppression (issue 21): a marker naming no rule silences nothing.
    (
        "suppression.unknown-rule",
        [
            "<!-- asyncwriter-disable-next-line deadline.relativ -->\nPlease send it tomorrow.",
            "<!-- asyncwriter-disable-file ask.mising -->\nThe build is green. FYI.",
            "FYI, the build is green. <!-- asyncwriter-disable style.lenght -->",
            "<!-- asyncwriter-disable links, dedline -->\nSee the doc. FYI.\n<!-- asyncwriter-enable -->",
            "<!-- asyncwriter-enable summary.misssing -->\nFYI, no action needed.",
            "<!-- asyncwriter-disable-next-line spelling.typo -->\nThe bild is green. FYI.",
        ],
        [
            "<!-- asyncwriter-disable-next-line deadline.relative -->\nPlease send it tomorrow.",
            "<!-- asyncwriter-disable-file ask.missing -->\nThe build is green.",
            "FYI, the build is green. <!-- asyncwriter-disable style -->",
            "<!-- asyncwriter-disable links, deadline -->\nSee the doc. FYI.\n<!-- asyncwriter-enable -->",
            "<!-- asyncwriter-disable-next-line grammar.EN_QUOTES spelling -->\nThe bild is green. FYI.",
            "<!-- asyncwriter-disable-next-line -->\nPlease send it tomorrow. FYI.",
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

# ``JUDGEMENTS``: ``(property, message, present)``, one row per construction a careful reader
# judges and the checks once got wrong. ``property`` is one of the facts the checks report:
# "summary" (the top states the point), "ask" (an explicit, non-vague ask), "deadline" (a
# by-when the reader can act on), "deadline_tz" (no deadline.no-timezone finding) or "links"
# (something the reader can open: a URL, a link, an embedded image).
# Written for the project, in the shapes real messages take; none is copied from anywhere.
#: A neutral paragraph of detail that makes a message too long to be its own summary.
FILLER = "The rest of this note has the details for each team, the dashboards we watched and the numbers we saw over the weekend, so skim it if you only need the headline. The rest of this note has the details for each team, the dashboards we watched and the numbers we saw over the weekend, so skim it if you only need the headline."

JUDGEMENTS: list[tuple[str, str, bool]] = [
    # -- deadline: the writer's own plan closes the reader's window.
    (
        "deadline",
        "# Tidy the changelog\n\nI'm planning to merge this on Thursday unless someone objects.",
        True,
    ),
    ("deadline", "Last call for reviews. I'll merge this at 3pm CET (14:00 UTC).", True),
    ("deadline", "Did anyone get a chance to look? I will land it end of today.", True),
    ("deadline", "We will release 4.2 on Thursday; the notes are in the wiki.", False),
    # -- deadline: a minute only a deadline is set to.
    ("deadline", "@rosa  June 3rd, 11:59pm (CEST)", True),
    ("deadline", "Sure, 23:59 on 14/2, any zone on earth.", True),
    # -- deadline: the deadline named before or after its date.
    ("deadline", "The final day to object before we tag the release is 2026-12-04.", True),
    (
        "deadline",
        "Friday 4 December (a week before the audit) will be the last day for edits.",
        True,
    ),
    ("deadline", "2026-12-09, 24:00 CET: end of the nomination phase", True),
    ("deadline", "Submission period: 2026-12-01 00:00 UTC - 2026-12-14 00:00 UTC", True),
    ("deadline", "Note that the cutoff date is 2026-12-7.", True),
    ("deadline", "Please hand in the printed copy within 4 PM tomorrow.", True),
    (
        "deadline",
        "We need every form signed and filed in time for the 10 December board meeting.",
        True,
    ),
    ("deadline", "Please send corrections before 12 UTC on 8-Dec.", True),
    # -- deadline: windows that close.
    ("deadline", "Vote by replying with +1 or -1. The vote will go for 72 hours.", True),
    ("deadline", "We publish the list on Monday. You then have 24 hours to appeal.", True),
    ("deadline", "I have a week to pull the chapters together, so no rush.", False),
    (
        "deadline",
        "Code freeze: Tue 2026-12-08. Everyone should plan to have their changes in before this date.",
        True,
    ),
    (
        "deadline",
        "Consent forms must be uploaded until 12/03, because the committee audits that week.",
        True,
    ),
    # -- deadline: ends of states and events, not windows.
    (
        "deadline",
        "The maintenance window is every Saturday from 20:00 (UTC+1) and may last until 05:00 (UTC+1).",
        False,
    ),
    (
        "deadline",
        "I'm away from 1 March to 12 March, so Friday's build is the last one until 13 March.",
        False,
    ),
    ("deadline", "The sprint review covers Monday, 7 December through Friday, 11 December.", False),
    ("deadline", "Each of us writes up every end of week what they did.", False),
    ("deadline", "Join us at 9am PT / 17:00 UTC, or watch the recording later.", False),
    ("deadline", "The new API will be released by next month, so the docs can wait.", False),
    (
        "deadline_tz",
        "The portal closes on June 30, 2026 11:59:59 PM PST, as far as I can see.",
        True,
    ),
    (
        "deadline",
        "Two questions:\n\n1. Any news?\n2. Are you able to send the last revision at the beginning of next week (Dec\n   7)?",
        True,
    ),
    # -- links: an embedded image is something to open; a host name written as a word is not.
    ("links", "The new layout, before and after:\n\n![after](img/after.png)", True),
    ("links", "File a bug against tracker.example.org with the build log attached.", False),
    ("links", "The draft is at docs.example.org/drafts/q1-plan for comments.", True),
    # -- summary: a comma at the end of a wrapped line does not end the sentence.
    (
        "summary",
        "Thanks to Ola for hosting our series,\nwhich has been great.\nIf you want it to go on, please reply with a date that suits you. "
        + FILLER,
        True,
    ),
    # -- ask: a title that asks, directives to a named group, requests in the first person.
    (
        "ask",
        "# Switch the weekly sync to Thursdays?\n\nA few of us keep missing it on Mondays.",
        True,
    ),
    ("ask", "# Weekly sync notes\n\nWe covered the roadmap and the hiring plan.", False),
    (
        "ask",
        "From January, reviewers should leave a summary comment on every PR they approve.",
        True,
    ),
    ("ask", "All speakers are asked to upload their slides to the shared folder.", True),
    ("ask", "We ask that each team nominate one person to own the migration.", True),
    ("ask", "I would ask any of you who can spare an hour to test the beta build.", True),
    ("ask", "To register for the workshop, reply to this thread with your name and team.", True),
    ("ask", "## Tasks\n- [ ] 1. Open an issue for your weekly notes and link it here.", True),
    ("ask", "Are you able to rerun the benchmark on the new hardware this week?", True),
    # -- ask: permission, advice, descriptions and reported questions ask nothing.
    ("ask", "Sure, feel free to push any fixes you like to my branch.", False),
    ("ask", "If you want to tidy the wording, please feel free to do so!", False),
    ("ask", "Everyone who needs production access gets a personal account first.", False),
    ("ask", "With the new tags you should be able to tell which repo owns a bucket.", False),
    ("ask", 'The client showed a dialog saying "upload failed, retry?" and then gave up.', False),
    ("ask", "Subject: Re: build: drop the old cache flag\n\nYes, I'll take it out today.", False),
    ("ask", "Agenda and dial-in below. Stay tuned for updates.", False),
    (
        "ask",
        "Hi all, a reminder about the poster session. Programme with room numbers follows.",
        False,
    ),
    # -- summary: the opening gives the point, or leads up to it (each message is long enough
    # not to be its own summary; FILLER is the same neutral detail paragraph in each).
    (
        "summary",
        "# Payroll export is broken since the 6.2 upgrade\n\nSince Monday's upgrade the nightly export stops half way through. "
        + FILLER,
        True,
    ),
    (
        "summary",
        "# Weekly sync\n\nThe weekly sync will move to Thursdays at 15:00 UTC from next month. "
        + FILLER,
        True,
    ),
    (
        "summary",
        "# Restarting the reading group\n\nIt has been a while since our last session and the summer got busy. "
        + FILLER,
        True,
    ),
    (
        "summary",
        "# [VOTE] Adopt the new code of conduct\n\nAfter three rounds of comments the text has settled. "
        + FILLER,
        True,
    ),
    (
        "summary",
        "# RFC 12: event storage\n\n## Purpose\nThis RFC proposes one append-only table for all domain events. "
        + FILLER,
        True,
    ),
    (
        "summary",
        "Cluster upgrade notes\n\nHere is the plan for the cluster upgrade, step by step: "
        + FILLER,
        True,
    ),
    (
        "summary",
        "Hi all,\n\nThere will be no nightly builds over the holiday weekend. " + FILLER,
        True,
    ),
    (
        "summary",
        "Hello, so about tomorrow, we are going to hold the design review in room 4 at 10:00 CET. "
        + FILLER,
        True,
    ),
    ("summary", "As agreed in the retro, we're moving the standup to 09:30. " + FILLER, True),
    (
        "summary",
        "Subject: Re: flaky login test\n\n> Should we quarantine it?\n\nYes, I'll quarantine it today and open a ticket for the fix. "
        + FILLER,
        True,
    ),
    (
        "summary",
        "Subject: Bits from the infra team\n\n* Runners\n* Caches\n* Budgets\n\nRunners\n\nReminder: we switch off the old runners on Friday. "
        + FILLER,
        True,
    ),
    (
        "summary",
        "Many thanks to Ines for hosting last week.\nIf you want to keep the series going, please reply here with a topic. "
        + FILLER,
        True,
    ),
    (
        "summary",
        "Hello mobile team and friends.\n\nAs you know, half of us are travelling next week. For that reason, I'd like us to run the planning by email this time. "
        + FILLER,
        True,
    ),
    (
        "summary",
        "# Platform hosting\n\n- Status: Proposed\n- Date: 2026-11-02\n\n## Context\nWe need somewhere to run the ingest jobs and the dashboards. Our current provider's contract ends in spring. "
        + FILLER,
        False,
    ),
    (
        "summary",
        "# Determine the timeline for the 2027 elections\n\nThis year the board agreed to start the process earlier. The proposed timeline is: "
        + FILLER,
        False,
    ),
    (
        "summary",
        "# Upload failure\n\nHi all,\n\nHad a problem where the disk filled up and the uploads failed. The temp files were never cleaned up either. "
        + FILLER,
        False,
    ),
    (
        "summary",
        "Last week, we announced that the offsite will be in Lisbon. We will have the same format as last time. "
        + FILLER,
        False,
    ),
    (
        "summary",
        "Thanks.  I think Rahul already has a draft of the rota, and a proposed order. Are you willing to coordinate the swaps? "
        + FILLER,
        False,
    ),
    (
        "summary",
        "Mentors wanted for the winter programme\n\nThe foundation has announced the winter programme. Our project is applying again this year. "
        + FILLER,
        False,
    ),
    (
        "summary",
        "Hey all,\nSo on Friday I was digging through the logs because Mia had seen odd totals. "
        "At first it looked like rounding. " + FILLER + "Long story short: we need to decide today "
        "whether to refund 300 customers.",
        False,
    ),
    # -- the rubric's constructions, one row each, written to test how far the rules reach
    # beyond the messages they were tuned on.
    ("ask", "Please review the attached design by Friday.", True),
    ("ask", "Can you take a look at the failing test?", True),
    ("ask", "Are you happy with this change?", True),
    ("ask", "Let me know if the new layout works for your team.", True),
    ("ask", "Let's hold off merging until CI is green again.", True),
    ("ask", "If you want an agenda item, please comment on the issue.", True),
    ("ask", "Owners should update their service entries in the catalogue.", True),
    ("ask", "Maintainers are strongly advised to upgrade to 2.4.1.", True),
    (
        "ask",
        "# Upgrade the runner images to Ubuntu 24.04\n\nThe old ones are end of life in April.",
        True,
    ),
    ("ask", "Could someone with admin rights rotate the deploy token?", True),
    ("ask", "Would you mind re-running the nightly job?", True),
    ("ask", "Do you have capacity to pair on this next week?", True),
    ("ask", "Does anyone object to dropping Python 3.8?", True),
    ("ask", "Which option do you prefer, A or B?", True),
    ("ask", "Please vote +1/-1 on this thread.", True),
    ("ask", "@maria can you confirm the numbers before I send them?", True),
    ("ask", "PTAL when you get a chance.", True),
    ("ask", "Any volunteers to write the release notes?", True),
    ("ask", "Is anyone able to host the March meetup?", True),
    ("ask", "Reviewers: please focus on the migration script, the rest is mechanical.", True),
    ("ask", "When you've finished the audit, send the report to me and Lena.", True),
    ("ask", "Everyone going to the summit must register by 3 March.", True),
    ("ask", "Make sure you rebase on main before pushing.", True),
    ("ask", "Don't merge anything into the release branch this week.", True),
    ("ask", "Kindly share the invoice copy at the earliest.", True),
    ("ask", "I'd appreciate it if you could double-check the totals.", True),
    ("ask", "Would it be possible to move the call to Thursday?", True),
    ("ask", "Thoughts?", False),
    ("ask", "Feedback welcome.", False),
    ("ask", "Holler if there are any concerns.", False),
    ("ask", "Vote is open: https://vote.example.org/poll/12", False),
    ("ask", "Barring objections I'll merge tomorrow.", False),
    ("ask", "Voting will be open until Friday.", False),
    ("ask", "I would suggest we pin the version for now.", False),
    ("ask", "Feel free to ping me with questions.", False),
    ("ask", "Nominations must be made by posting to the list.", False),
    ("ask", "This PR adds retries to the upload client.", False),
    ("ask", "We released 3.2 yesterday. The changelog is in the repo.", False),
    ("ask", "I have merged the fix and the build is green again.", False),
    ("ask", "The dashboard now shows p99 latency per region.", False),
    ("ask", "Happy to discuss if needed.", False),
    ("ask", "Comments and suggestions are very welcome as always.", False),
    ("ask", "We will post an update once the vendor replies.", False),
    ("ask", "The committee will review all proposals in January.", False),
    ("ask", "You may want to check the new docs at some point.", False),
    ("ask", "If anyone has concerns, speak up.", False),
    ("deadline", "[VOTE] Release 1.4.0-rc2. The vote is open for 72 hours.", True),
    ("deadline", "Lazy consensus until Friday; after that I'll merge.", True),
    ("deadline", "I'll have the RCA out before end of day.", True),
    ("deadline", "We expect a fix in the next 24-48 hours.", True),
    ("deadline", "Please send me your slides today.", True),
    ("deadline", "Comments are welcome until 15 January.", True),
    ("deadline", "The review period closes on 12 March at 17:00 UTC.", True),
    ("deadline", "Please submit your abstract no later than 4 April.", True),
    ("deadline", "Applications close Friday 3 May, 23:59 AoE.", True),
    ("deadline", "Expect the postmortem within a week.", True),
    ("deadline", "If there are no objections within 72 hours, I'll call this passed.", True),
    ("deadline", "Please respond by tomorrow noon.", True),
    ("deadline", "Deadline for talk proposals is 1 June.", True),
    ("deadline", "Can you get me the numbers by Thursday?", True),
    ("deadline", "I'll follow up with the vendor by Wednesday and report back.", True),
    ("deadline", "Patches for 5.2 need to land by the 14th.", True),
    ("deadline", "Registration closes at midnight UTC on Sunday.", True),
    ("deadline", "The cut-off for the spring release is 2 March.", True),
    ("deadline", "Reviews by EOD please.", True),
    ("deadline", "Feedback on the draft by end of next week would be great.", True),
    ("deadline", "The weekly call is on Thursday at 16:00 UTC.", False),
    ("deadline", "Maintenance will take place on Saturday 02:00-04:00 UTC.", False),
    ("deadline", "The outage started at 09:12 and ended at 09:47 UTC.", False),
    ("deadline", "We will release 2.0 on 1 March.", False),
    ("deadline", "Please don't merge anything before Sunday.", False),
    ("deadline", "The branch is frozen until Friday 14:00 UTC.", False),
    ("deadline", "This bug was introduced on 3 May in commit abc123.", False),
    ("deadline", "We'll need to finish this before the tarball deadline.", False),
    ("deadline", "We should ship this soon.", False),
    ("deadline", "I'll look at it next week.", False),
    ("deadline", "Let's revisit after the next board meeting.", False),
    ("deadline", "The meetup is on 12 June at the community hall.", False),
    ("deadline", "Version 3.1 was released on 2 October.", False),
    ("deadline", "Our sprint runs from Monday to Friday.", False),
    ("deadline", "The conference takes place 10-12 September in Porto.", False),
    ("deadline", "Join the call at 15:00 CET tomorrow.", False),
    ("deadline", "The service will be read-only from 22:00 to 23:00 UTC tonight.", False),
    ("deadline", "Office hours are every Tuesday at 10:00 PT.", False),
    ("deadline", "The old API will be turned off on 1 July.", False),
    ("deadline", "Voting starts on 5 May.", False),
    ("deadline_tz", "Please send it by 17:00 London time on Friday.", True),
    ("deadline_tz", "Submissions close at noon Pacific on 3 May.", True),
    ("deadline_tz", "Deadline: 11:59 pm, Anywhere on Earth, 14 March.", True),
    ("deadline_tz", "Please reply by 5pm, UTC, on Thursday.", True),
    ("deadline_tz", "Comments by 18:00 (UTC+2) on 9 June please.", True),
    ("deadline_tz", "Please approve by 9am Europe/Berlin on Monday.", True),
    ("deadline_tz", "Please review by EOD PT tomorrow.", True),
    ("deadline_tz", "Please submit by 14:00Z on 2 Feb.", True),
    ("deadline_tz", "Please confirm by 10:00 IST on Tuesday.", True),
    ("deadline_tz", "Votes by 23:59 AoE on 1 April.", True),
    ("deadline_tz", "Send the report by 4 p.m. Eastern on Wednesday.", True),
    ("deadline_tz", "Please reply by 16:00 CEST, Friday 5 June.", True),
    ("deadline_tz", "Please send it by 5pm Friday.", False),
    ("deadline_tz", "Please answer by noon tomorrow.", False),
    ("deadline_tz", "Can you get it to me by EOD?", False),
    ("deadline_tz", "Please review by end of day Thursday.", False),
    ("deadline_tz", "Registrations close at midnight on Sunday.", False),
    ("deadline_tz", "Please submit by 11:59 pm on 3 May.", False),
    ("deadline_tz", "Please reply by the end of your day on Friday.", False),
    ("deadline_tz", "The poll closes at 18:00 on 2 December.", False),
    # -- reader_a: constructions its misses showed (written again in other words).
    (
        "summary",
        "# ADR 0031: Search indexing\n\n## Status\n\nAccepted\n\n## Context\n\nWe index documents in three different ways today and none of them is fast. "
        + FILLER,
        False,
    ),
    (
        "summary",
        "# ADR-040: Use Kafka for the audit trail\n\nStatus: Accepted\n\n## Context\nThe audit rows live in the main database today. "
        + FILLER,
        True,
    ),
    (
        "summary",
        "# Pin the Go toolchain to 1.22 in CI\n\nThe runners picked up 1.23 last night and two packages no longer build. "
        + FILLER,
        True,
    ),
    (
        "summary",
        "# v2.8.0\n\nThis release had 31 contributors and 140 merged pull requests. Thanks to all of them! "
        + FILLER,
        False,
    ),
    (
        "summary",
        "# The mobile port\n\nThe mobile port has been part of the project since 2019, when Ada wrote the first build. For years it was our best-tested platform. "
        + FILLER,
        False,
    ),
    (
        "summary",
        "# Swap the date library\n\nThis PR replaces the old date library with a smaller one in the web app. "
        + FILLER,
        True,
    ),
    (
        "summary",
        "Subject: Minutes: platform sync, 4 March\n\nAttendees: Ana, Bo, Chen\n\n1. Status\n   - Two blockers left.\n   - Bo will look at the installer. "
        + FILLER,
        False,
    ),
    (
        "summary",
        "Subject: Re: [PATCH v4] cache: fix the eviction order\n\nv4 addresses the review comments on v3: the lock now covers the whole walk. I also split out the renames. "
        + FILLER,
        True,
    ),
    (
        "summary",
        "A few things before this can go in:\n\n1. The parser now returns an empty list where it raised. "
        + FILLER,
        True,
    ),
    (
        "summary",
        "Subject: The spare build box is ready\n\nThe spare build box is up at build-07.lab.internal: 2x A40,\n256 GB RAM. "
        + FILLER,
        True,
    ),
    ("ask", "# ADR-051: Use Redis for rate limits\n\nWe decided this in the March review.", False),
    ("ask", "# Pin the Go toolchain to 1.22 in CI\n\nThe runners picked up 1.23 last night.", True),
    ("ask", "Subject: Minutes: release sync, 4 March\n\nAttendees: Ana, Bo.", False),
    (
        "ask",
        "If you still push to the old bucket, move your jobs to the new one and let us know in #infra when you are done.",
        True,
    ),
    ("ask", "Anyone running 2.1 or older should upgrade to 2.1.4 today.", True),
    (
        "deadline",
        "| Item | Owner | Due |\n| --- | --- | --- |\n| Lower the error alert | Ravi | 2026-12-04 |",
        True,
    ),
    (
        "deadline",
        "| Item | Owner | Notes |\n| --- | --- | --- |\n| Lower the error alert | Ravi | since 2026-11-04 |",
        False,
    ),
    (
        "deadline",
        "Identified - a bad config push stopped the worker. We expect to have a fix deployed by 18:30 UTC.",
        True,
    ),
    ("deadline", "Service owners should move to the new client by the end of Q2.", True),
    (
        "deadline",
        "If you want to take it on, please reply on this thread by the end of June.",
        True,
    ),
    (
        "deadline_tz",
        "Please confirm your dates in the sheet by Wednesday 18:00 IST (+05:30).",
        True,
    ),
    ("deadline_tz", "Sorry for the late notice: please send your slides by end of Friday.", False),
    ("deadline_tz", "The poll closes on Friday 20 June at 12:00.", False),
    # -- summary: bug-report titles that state the impact, question titles, openers.
    (
        "summary",
        "# App crashes on startup with Python 3.13\n\nSteps to reproduce are below." + FILLER,
        True,
    ),
    (
        "summary",
        "# Export hangs when the file has more than 10k rows\n\n### Describe the bug\nI have a file with many rows."
        + FILLER,
        True,
    ),
    (
        "summary",
        "# Login button does nothing on Safari\n\nI tried it on two machines." + FILLER,
        True,
    ),
    (
        "summary",
        "# How do I configure a proxy for the CLI?\n\nI am behind a corporate proxy." + FILLER,
        True,
    ),
    (
        "summary",
        "# Question about the plugin API\n\nI am writing a plugin and I have been reading the docs for a while."
        + FILLER,
        False,
    ),
    (
        "summary",
        "# Memory usage\n\nI have been running the service for a week on our staging cluster."
        + FILLER,
        False,
    ),
    (
        "summary",
        "# Feature request: dark mode\n\nMany of us work late and the white background is hard on the eyes."
        + FILLER,
        False,
    ),
    (
        "summary",
        "Heads up: the staging database will be read-only on Saturday from 08:00 UTC." + FILLER,
        True,
    ),
    (
        "summary",
        "Quick one: can someone with admin rights add me to the release team?" + FILLER,
        True,
    ),
    ("summary", "I've just pushed the new installer to the beta channel." + FILLER, True),
    ("summary", "Proposal: we move the docs build to the new runners." + FILLER, True),
    (
        "summary",
        "Good news, the migration finished overnight and everything is green." + FILLER,
        True,
    ),
    ("summary", "We shipped 4.1 this morning." + FILLER, True),
    ("summary", "The nightly build is broken again." + FILLER, True),
    (
        "summary",
        "Apologies for the long silence on this thread. Life got in the way, and then the holidays."
        + FILLER,
        False,
    ),
    (
        "summary",
        "Thank you all for the great discussion at the summit. It was the best one yet." + FILLER,
        False,
    ),
    (
        "summary",
        "In 2019 we started the project with two people and a laptop. Since then we have grown a lot."
        + FILLER,
        False,
    ),
    (
        "summary",
        "I wanted to share some thoughts about how we run our meetings. Over the past year I have noticed a pattern."
        + FILLER,
        False,
    ),
    (
        "summary",
        "As some of you know, our CI bill has grown every month this year. Last month it was 40% higher than in January."
        + FILLER,
        False,
    ),
    # -- reader_c: ask constructions its misses showed (written again in other words).
    (
        "ask",
        "A clear and concise description of what you expected to happen.\n\nThe export should keep the column order.",
        False,
    ),
    (
        "ask",
        "Keeping both builds costs us more than it looks: the installer needs a second code path.",
        False,
    ),
    ("ask", "Do we really need another config flag for this? I do not think so.", False),
    (
        "ask",
        "Is anyone still using the old sync bridge? No, the logs show no traffic since May.",
        False,
    ),
    (
        "ask",
        "Still to do:\n- [ ] migrate the old layout\n- [ ] make the shard count configurable",
        False,
    ),
    ("ask", "## Unresolved questions\n\n- Should event names carry a version?", False),
    (
        "ask",
        "I'll keep this table updated - this is a tracking issue, not a request for help.",
        False,
    ),
    (
        "ask",
        "# Committee for conduct reports\n\n## Proposal\n\nCreate a committee of five members who handle all reports.",
        False,
    ),
    ("ask", "Go ahead and merge whenever you're ready.", False),
    ("ask", "Open points: object safety for hosts that box the store, and the MSRV bump.", False),
    (
        "ask",
        "# Please publish arm64 Linux wheels\n\nThe source build takes 20 minutes on a Pi.",
        True,
    ),
    ("ask", "We need a second reviewer on the storage PR.", True),
    # -- reader_c: summary constructions its misses showed (written again in other words).
    (
        "summary",
        "Subject: Re: runner migration\n\nThanks for raising this, and sorry for the slow reply. Some background first, because people asked: the two runners were donated in 2018 and are now out of support. "
        + FILLER,
        False,
    ),
    (
        "summary",
        "# How should we name the config keys?\n\nRight now every module picks its own style, which broke the docs twice. "
        + FILLER,
        False,
    ),
    (
        "summary",
        "# Should we drop the 32-bit builds?\n\nThey take a third of CI time. " + FILLER,
        True,
    ),
    (
        "summary",
        "# Release 5.1 tracking\n\nThis issue tracks the 5.1 release. Dates below are the plan from the last call. "
        + FILLER,
        False,
    ),
    (
        "summary",
        "Subject: decision on the build mirrors\n\nA long post, sorry. On 3 February the main mirror ran out of disk during the release. "
        + FILLER,
        False,
    ),
    (
        "summary",
        "Subject: Re: paperwork\n\nHi Ana, hope the new flat is treating you well! Sorry to bother you with forms so soon. "
        + FILLER,
        False,
    ),
    (
        "summary",
        "# Chat platform\n\nThree years ago we opened a chat workspace because the list felt too slow. It grew to thousands of members. "
        + FILLER,
        False,
    ),
    # -- summary: news of a change or a decision gives the point; history leads up to it.
    ("summary", "Our CI runners are moving to a new provider next month." + FILLER, True),
    ("summary", "The mailing list archive has moved to a new server." + FILLER, True),
    ("summary", "Version 3 of the API drops support for XML responses." + FILLER, True),
    ("summary", "The board approved the budget for next year on Monday." + FILLER, True),
    ("summary", "We decided to move the weekly sync to Thursdays." + FILLER, True),
    (
        "summary",
        "The steering committee has accepted the proposal to adopt a code of conduct." + FILLER,
        True,
    ),
    ("summary", "Nominations for the technical board are now open." + FILLER, True),
    (
        "summary",
        "Priya joins the core team this week as a maintainer of the storage layer." + FILLER,
        True,
    ),
    ("summary", "Starting Monday, all merges to main need two approvals." + FILLER, True),
    (
        "summary",
        "From now on, releases are cut every six weeks instead of every month." + FILLER,
        True,
    ),
    ("summary", "The old wiki goes read-only on Friday." + FILLER, True),
    (
        "summary",
        "Last week we agreed to look again at how releases are cut. Several people had opinions."
        + FILLER,
        False,
    ),
    (
        "summary",
        "We discussed the release cadence at length in the last two meetings. Opinions differed."
        + FILLER,
        False,
    ),
    (
        "summary",
        "When I joined the project in 2020, there were only three maintainers. We have grown since."
        + FILLER,
        False,
    ),
    (
        "summary",
        "The indexer has a long history. It started as a weekend project and grew into a service."
        + FILLER,
        False,
    ),
    (
        "summary",
        "There has been a lot of discussion about the plugin API lately. Some of it got heated."
        + FILLER,
        False,
    ),
    # -- reader_c: deadline constructions its misses showed (written again in other words).
    ("deadline", "We need the numbers for the board pack ASAP.", False),
    ("deadline", "Merging tomorrow unless someone objects.", True),
    ("deadline", "Please decide before we tag beta 2 on the 20th.", True),
    ("deadline", "If it's not fixed by Wednesday, we roll back to 4.1.", True),
    (
        "deadline",
        "If you run imports on Saturday nights, please reschedule them outside the window.",
        False,
    ),
    ("deadline", "Target launch date is 9 March. Tell me if anything could stop us.", True),
    ("deadline", "I pinged the vendor again. Hopefully this should happen tomorrow.", True),
    # -- real_d (a second set of real messages, kept outside the project): the
    # constructions its misses showed, written again in other words.
    (
        "summary",
        "March 3rd, 2025\n\nAs we said on Monday, the slow logins come from a bad cache node. "
        + FILLER,
        False,
    ),
    (
        "summary",
        "# Sprint notes proposal\n\nI think we should talk about the wiki before anything else. "
        + FILLER,
        False,
    ),
    (
        "summary",
        "I thought a broader heads-up on this could help. Someone pushed the config without a build. "
        + FILLER,
        False,
    ),
    (
        "summary",
        "# No releases until mid-February\n\nHi all,\n\nI am travelling a lot this winter. "
        + FILLER,
        True,
    ),
    (
        "summary",
        "# Scheduled maintenance: queue cluster upgrade\n\nWindow: 2025-02-08 21:00 UTC\n\n"
        + FILLER,
        True,
    ),
    ("summary", "It's here, the 2.0 beta of the sync plugin!\n\n" + FILLER, True),
    (
        "summary",
        "As mentioned, we're suggesting that the retro moves to Thursdays. " + FILLER,
        True,
    ),
    (
        "summary",
        "Per the steering call today, the rename of the org is scheduled to start on 4 March. "
        + FILLER,
        True,
    ),
    (
        "summary",
        "Build agents 1-4, 7 and 9-12 will stop taking jobs for up to six hours on Sunday while we swap disks. "
        + FILLER,
        True,
    ),
    (
        "summary",
        "The Social Committee would like to thank everyone who came to the picnic. The weather held. "
        + FILLER,
        False,
    ),
    (
        "ask",
        "# Spike in 502s\n\nResolved. The load balancer dropped a pool for four minutes.",
        False,
    ),
    (
        "ask",
        "# docs: add a section on release votes\n\nAdd a paragraph that says how long a vote stays open.",
        False,
    ),
    (
        "ask",
        "# Drop the old badge\n\nThe badge points at a dead service. I have removed it from the README.",
        False,
    ),
    (
        "ask",
        "# Hiring budget - timing and approvals?\n\nWe spent less than planned last quarter.",
        False,
    ),
    ("ask", "# Moving the standup to Tuesdays?\n\nMost of us are out on Mondays now.", True),
    (
        "ask",
        "The slow pages came from the Bulk Export Request feature, which has been patched.",
        False,
    ),
    (
        "ask",
        "If you have demo clips for the review, please let me know so I can add them to the deck.",
        True,
    ),
    ("ask", "## Context\n\nReviews are slow. Authors must wait days for a second approval.", False),
    ("ask", "I'll switch the banner on tonight, and turn on dark mode too because why not?", False),
    ("ask", "The move should go fine. Don't panic if the site is slow for an hour.", False),
    ("ask", "Until the clocks settle, you might have to check the invite for the time.", False),
    ("deadline", "We are still looking into it. Will update again in 20 minutes.", True),
    ("deadline", "Any app not migrated before 30 June will be switched off.", True),
    (
        "deadline",
        "I thought we had until next month, but actually the report is due by the 15th.",
        True,
    ),
    (
        "deadline",
        "We restarted the copy, so it may not complete until approximately 18:00 UTC on 9 May.",
        True,
    ),
    ("deadline", "Slot A: Wednesday 09:00-10:00 UTC. Until then, keep the old invite.", False),
    ("deadline_tz", "Please vote by 23:59 on 7 August 2026\uff08GMT+8\uff09.", True),
    # -- seen by hand in the window: a time after "so we can" is what the ask makes possible.
    ("deadline", "@li, please sign the order so we can ship the racks on Monday.", False),
]
