"""Delivering editions: an e-mail digest and Slack/Teams notices, sent only when something is new.

`briefing send` (see `send`) finds each theme's newest complete edition through
`briefing.output`, builds the digest from its model (`digest`), mails it (`mail`) and
posts chat notices (`chat`), and records each recipient's delivery in the edition's
manifest (`record`) so nobody gets the same edition twice.  Settings come from the
`delivery:` config section (`settings`); passwords and webhook URLs only from the
environment or a private file (`secrets`).

This module imports nothing, so `briefing.config` can import `delivery.settings` without a cycle.
"""
