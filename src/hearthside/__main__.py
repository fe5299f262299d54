from hearthside.cli.entry import main

main()
