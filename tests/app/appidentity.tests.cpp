#include "app/appidentity.h"
#include "files.h"

#include <QApplication>
#include <QFile>
#include <QPixmap>
#include <catch2/catch.hpp>

namespace {

QString desktop_file(const QString &suffix) {
    return QStringLiteral(FAILOVER_SOURCE_DIR "/resources/desktop/") + app::desktop_id() + suffix;
}

using testing::read_all;

} // namespace

TEST_CASE("The app's icon has every size the desktop asks for", "[identity]") {
    const QIcon icon = app::app_icon();
    REQUIRE_FALSE(icon.isNull());
    const QList<QSize> sizes = icon.availableSizes();
    for (const int s : {16, 24, 32, 48, 64, 128, 256}) {
        INFO(s << " px");
        CHECK(sizes.contains(QSize(s, s)));
        const QImage image = icon.pixmap(QSize(s, s)).toImage();
        CHECK(image.size() == QSize(s, s));
        // Drawn, not blank: the centre pixel is opaque.
        CHECK(qAlpha(image.pixel(s / 2, s / 2)) == 255);
    }
}

TEST_CASE("The desktop entry, the metainfo and the icon share the app's id", "[identity]") {
    const QByteArray desktop = read_all(desktop_file(QStringLiteral(".desktop")));
    REQUIRE_FALSE(desktop.isEmpty());
    CHECK(desktop.contains("\nIcon=" + app::desktop_id().toUtf8() + "\n"));
    CHECK(desktop.contains("\nExec=failover-lab"));
    const QByteArray metainfo = read_all(desktop_file(QStringLiteral(".metainfo.xml")));
    CHECK(metainfo.contains("<id>" + app::desktop_id().toUtf8() + "</id>"));
    CHECK(metainfo.contains(">" + app::desktop_id().toUtf8() + ".desktop</launchable>"));
    CHECK(read_all(desktop_file(QStringLiteral(".svg"))).contains("<svg"));
}

TEST_CASE("The application names its desktop entry and shows its own icon", "[identity]") {
    const QString name = QApplication::applicationName();
    const QString organization = QApplication::organizationName();
    app::set_app_identity(QStringLiteral("9.8.7"));
    CHECK(QApplication::desktopFileName() == app::desktop_id());
    CHECK(QApplication::applicationVersion() == QLatin1String("9.8.7"));
    CHECK(QApplication::windowIcon().availableSizes() == app::app_icon().availableSizes());
    // The suite's own names keep its settings away from the user's.
    QApplication::setApplicationName(name);
    QApplication::setOrganizationName(organization);
    QApplication::setWindowIcon(QIcon());
    QApplication::setDesktopFileName(QString());
}
