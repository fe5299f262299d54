from hearthside.cli.main import main

main()
