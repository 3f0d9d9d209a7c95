"""The ASGI lifespan protocol for apps with little to set up and nothing to tear down.

One implementation, used by ``masthead.asgi`` (``masthead serve``) and by the benchmark's raw
app and floors (``benchmarks/raw_app.py``, ``benchmarks/floor_app.py``), which run under the
same granian command line. Standard library only: importing it loads neither Django nor
anything else of Masthead's, so the raw app stays a raw app.
"""


async def lifespan(receive, send, on_startup=None) -> None:
    """Acknowledge startup and shutdown, so the server starts serving and stops promptly;
    ``on_startup()``, if given, runs before the startup is acknowledged."""
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            if on_startup is not None:
                on_startup()
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            await send({"type": "lifespan.shutdown.complete"})
            return
