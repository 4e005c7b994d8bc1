#include "shortcutshelp.h"

#include <QAction>
#include <QHeaderView>
#include <QMenu>

#include <map>

namespace widgets {

QString action_place(const QAction *action) {
    for (QObject *o : action->associatedObjects())
        if (const auto *menu = qobject_cast<const QMenu *>(o))
            return menu->title().remove(QLatin1Char('&'));
    for (QObject *o : action->associatedObjects())
        if (const auto *w = qobject_cast<const QWidget *>(o))
            if (!w->accessibleName().isEmpty())
                return w->accessibleName();
    return ShortcutsHelp::tr("Window");
}

ShortcutsHelp::ShortcutsHelp(QWidget *parent) : QTreeWidget(parent) {
    setColumnCount(2);
    setHeaderLabels({tr("Action"), tr("Keys")});
    setRootIsDecorated(true);
    setAlternatingRowColors(true);
    header()->setSectionResizeMode(0, QHeaderView::Stretch);
    header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    header()->setStretchLastSection(false);
    setAccessibleName(tr("Keyboard shortcuts"));
}

void ShortcutsHelp::set_actions(const QList<QAction *> &actions) {
    clear();
    listed_.clear();
    std::map<QString, QTreeWidgetItem *> groups;
    for (QAction *a : actions) {
        if (a->shortcuts().isEmpty() || a->text().isEmpty())
            continue;
        const QString place = action_place(a);
        QTreeWidgetItem *&group = groups[place];
        if (!group) {
            group = new QTreeWidgetItem(this, {place});
            QFont bold = font();
            bold.setBold(true);
            group->setFont(0, bold);
        }
        QStringList keys;
        for (const QKeySequence &k : a->shortcuts())
            keys << k.toString(QKeySequence::NativeText);
        auto *row =
            new QTreeWidgetItem(group, {a->text().remove(QLatin1Char('&')), keys.join(tr(" or "))});
        row->setToolTip(0, a->toolTip());
        listed_.append(a);
    }
    expandAll();
}

} // namespace widgets
