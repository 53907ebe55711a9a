"""``runserver`` plus the in-process job worker and scheduler: the embedded set-up."""

import os

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.core.management.commands.runserver import Command as RunserverCommand

from config.broker import (
    drain_in_process_broker,
    start_in_process_worker,
    stop_in_process_worker,
)
from config.scheduler import start_in_process_scheduler


class Command(RunserverCommand):
    help = "Serve the site with background jobs and periodic jobs running in this process."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--demo",
            action="store_true",
            help="First migrate, load the demo content and create the demo administrator.",
        )

    def handle(self, *args, **options):
        if not settings.DRAMATIQ_BROKER_URL.startswith("inprocess:"):
            raise CommandError(
                "runembedded needs DRAMATIQ_BROKER_URL=inprocess://; with a real broker run "
                "`manage.py rundramatiq` and `manage.py crontab` beside the web server."
            )
        # The autoreloader re-runs this command in a child process (RUN_MAIN set there);
        # preparing once, in the parent, keeps a restart fast.
        if options["demo"] and not os.environ.get("RUN_MAIN"):
            # Jobs sent while preparing (Wagtail's index updates) run here, before serving.
            start_in_process_worker()
            call_command("migrate", interactive=False, verbosity=0)
            call_command("load_demo")
            call_command("create_demo_admin")
            drain_in_process_broker()
            stop_in_process_worker()
        super().handle(*args, **options)

    def inner_run(self, *args, **options):
        # inner_run executes in the process that serves requests (the autoreloader's child),
        # so the worker threads share the in-memory broker with the views that send jobs.
        start_in_process_worker()
        start_in_process_scheduler()
        if options["demo"]:
            self.start_demo_cameras()
        super().inner_run(*args, **options)

    def start_demo_cameras(self):
        """The simulated cameras the demo registry points at, probed once straight away."""
        from cctv_bridge.demo import probe_all_now, start_simulator

        try:
            self.simulator = start_simulator()
        except OSError as error:  # a port in use: say so and serve the site anyway
            self.stderr.write(f"Simulated cameras not started: {error}")
            return
        cameras = "RTSP + HTTP" if self.simulator.rtsp_enabled else "HTTP"
        self.stdout.write(f"Simulated cameras ({cameras}) on 127.0.0.1; status at /cameras/")
        probe_all_now()
