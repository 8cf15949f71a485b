from natodiff.cli import main

main()
