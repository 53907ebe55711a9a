"""Settings: ``dev`` (embedded defaults), ``production`` and ``test``, all read the environment."""
