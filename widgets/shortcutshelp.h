#pragma once
// The keyboard shortcuts page: every action of a window that has a shortcut, with its keys and
// the menu it is in, read from the actions themselves so that it cannot drift from them.

#include <QList>
#include <QTreeWidget>

class QAction;

namespace widgets {

class ShortcutsHelp : public QTreeWidget {
    Q_OBJECT
public:
    explicit ShortcutsHelp(QWidget *parent = nullptr);

    // Lists the actions that have a shortcut, grouped by the menu (or widget) they belong to.
    void set_actions(const QList<QAction *> &actions);
    // The actions listed, in order.
    const QList<QAction *> &listed() const { return listed_; }

private:
    QList<QAction *> listed_;
};

// Where an action is offered: the title of its first menu, else the name of its widget.
QString action_place(const QAction *action);

} // namespace widgets
