"""Reader events: the append-only log behind the revenue dashboard and ``masthead simulate``.

Layer: ``billing > events > metering``. Anything above (access, billing, engagement, members,
newsletters) records here; this package imports only ``metering`` and Django. Import the API
from ``masthead.events.services`` (writes) and ``.selectors`` (reads); kinds from ``.kinds``.

The table: ``events.ReaderEvent`` (``events_readerevent``), one row per event.

=====================  =====================================================================
column                 meaning
=====================  =====================================================================
``kind``               ``EventKind`` (below)
``created_at``         when it happened (aware, UTC in the database)
``reader_key``         the meter's key: ``u:<user id>`` or ``d:<device id>``; ``""`` when an
                       anonymous reader had no device yet (a free article, first visit).
                       Never an e-mail, IP address or user agent.
``article_id``         article page id, a plain integer (no foreign key across layers); for
                       a sign-up or subscription, the attributed article
``channel``            ``web`` / ``print`` / ``api`` (views)
``status``             ``ReaderStatus`` then: anonymous, registered, subscriber,
                       trial-expired, access-expired (views)
``access``             the article's access then: metered / free / subscribers (views)
``sponsored``          sponsored content (views)
``gift``               opened by a valid gift link (views; kind ``view_gift``)
``promotion``          a free-access promotion window was open at ``created_at`` (views)
``month``              meter month ``YYYY-MM`` in the publication's zone (views, merges)
``outcome``            ``full`` / ``metered`` / ``walled`` as decided (views)
``wall``               the wall's kind when walled (``registration``, ``subscription``,
                       ``trial-expired``, ``access-expired``, ``subscribers-only``); for
                       a wall click, the wall clicked; for a conversion, the attributed wall
``counted``            this view added an article to the reader's month (views)
``remaining``          the meter's remaining count after a metered view (else null)
``reason``             the engine's reason: entitled, promotion, free, sponsored, gift,
                       subscribers-only, metered, meter-unavailable (views)
``anonymous_allowance``, ``registered_allowance``, ``preview_paragraphs``
                       the policy in force (views)
``variant``            meter-experiment variant of the reader (null outside experiments)
``propensity``         probability with which that variant was assigned (null likewise)
``source``             ``Source``: direct, internal, search, social, email, other — the class
                       of the ``Referer`` (views, clicks) or the attributed one (conversions)
``utm_source``, ``utm_medium``, ``utm_campaign``
                       UTM tags of the request (views) or the first of the window
                       (conversions), at most 60 printable characters each
``offer``, ``plan``    offer and plan slugs (offer shown/chosen/clicked, checkout,
                       subscription, conversion, cancellation, lapse)
``trial``              the subscription began with a free trial
``amount``, ``currency``
                       what it charges: a subscription's first period (0 for a trial),
                       a converted trial's regular price
``ref``                what else the kind is about: newsletter slug, callout id
``merged_key``         ``device_merged``: the device key carried into ``reader_key``;
                       ``signup``: the device the account was created on
=====================  =====================================================================

Kinds (``EventKind``): exactly one **view** row per gate decision of a counting channel —
``view_counted`` (metered, newly counted: meter message shown), ``view_reread`` (metered,
already counted this month: meter message shown, no cost), ``view_free`` (free article or
sponsored content), ``view_subscriber`` (entitled reader), ``view_gift`` (a gift link opened),
``view_promotion`` (free-access promotion), ``view_unmetered`` (meter store unreachable, shown
uncounted), ``wall_shown`` (walled, ``wall`` says which). Then ``device_merged``,
``wall_click_register``, ``wall_click_signin``, ``wall_click_offer``, ``offer_shown``,
``offer_chosen``, ``signup``, ``checkout_started``, ``subscription_started``,
``trial_converted``, ``cancellation``, ``lapse``, ``callout_answer``, ``newsletter_signup``.

Replaying a view (``masthead simulate``; ``metering.replay`` is the engine): rebuild
``Reader`` from ``status`` (``trial-expired`` and ``access-expired`` are registered readers with
a ``Lapse``), ``ArticleFacts(article_id, access, sponsored)``, a promotion window around
``created_at`` when ``promotion``, and the policy from the three policy columns; in
``(created_at, id)`` order keep the counted article ids per ``(reader_key, month)``; a ``gift``
view is ``FULL`` uncounted whenever the assessment is not already ``FULL``; a ``device_merged``
row adds the articles of ``merged_key``'s month to ``reader_key``'s (a copy: the device keeps
its own count, as the meter stores do). Views with ``reason = meter-unavailable`` were not
decided by the rules and cannot be replayed (count them apart). With the recorded policy this
reproduces ``outcome``, ``wall`` and ``counted`` of every other view.

Writing: ``services.view_record`` (the gate's record step) and ``services.click_record`` are
buffered (``buffer``: batches, a 2-second timer and a flush at exit); ``event_record``,
``signup_record``, ``subscription_started_record`` and ``merge_record`` write at once.
Retention: ``retention.events_delete_expired`` (``MASTHEAD_EVENT_RETENTION_DAYS``, 396).
"""
