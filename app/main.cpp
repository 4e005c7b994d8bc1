// Failover Lab: the desktop app, or the command line when given a subcommand.
#include "app/mainwindow.h"
#include "model/cli.h"

#include <QApplication>
#include <iostream>

int main(int argc, char **argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (model::is_cli_command(args))
        return model::run_cli(args, std::cout, std::cerr);

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Failover Lab"));
    QApplication::setOrganizationName(QStringLiteral("Failover Lab"));
    QApplication::setApplicationVersion(QStringLiteral(FAILOVER_LAB_VERSION_STRING));
    app::MainWindow window;
    window.open_initial(args.empty() ? QString() : QString::fromStdString(args.front()));
    window.show();
    return QApplication::exec();
}
