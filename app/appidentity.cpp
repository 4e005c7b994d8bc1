#include "appidentity.h"

#include <QApplication>

namespace app {

QString desktop_id() {
    return QStringLiteral("org.failoverlab.FailoverLab");
}

QIcon app_icon() {
    QIcon icon;
    for (const int size : {16, 24, 32, 48, 64, 128, 256})
        icon.addFile(QStringLiteral(":/icons/%1x%1/%2.png").arg(size).arg(desktop_id()),
                     QSize(size, size));
    return icon;
}

void set_app_identity(const QString &version) {
    QApplication::setApplicationName(QStringLiteral("Failover Lab"));
    QApplication::setOrganizationName(QStringLiteral("Failover Lab"));
    QApplication::setApplicationVersion(version);
    QApplication::setDesktopFileName(desktop_id());
    QApplication::setWindowIcon(app_icon());
}

} // namespace app
