#pragma once
// How the desktop knows the app: its id (the name of its .desktop entry, its AppStream
// metainfo and its icon, all in resources/desktop/) and the icon it shows in its windows.

#include <QIcon>
#include <QString>

namespace app {

// The reverse-DNS id the desktop entry, the metainfo and the icon are named after.
QString desktop_id();

// The app's own icon, every rendered size from the resources (no SVG plugin needed).
QIcon app_icon();

// Sets the application's name, version, window icon and desktop file name.
void set_app_identity(const QString &version);

} // namespace app
