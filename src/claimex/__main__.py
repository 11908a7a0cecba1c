from claimex.cli import app

if __name__ == "__main__":  # not when a worker process started with `spawn` imports it
    app(prog_name="claimex")
