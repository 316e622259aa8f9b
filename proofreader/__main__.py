from proofreader.cli import main

raise SystemExit(main())
