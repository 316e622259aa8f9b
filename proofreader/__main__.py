from proofreader.cli import run

run()
