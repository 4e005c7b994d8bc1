#include "comparisonpane.h"

#include "okabeito.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QToolButton>
#include <QVBoxLayout>

namespace widgets {
namespace {
constexpr int kFrame = 4; // the active side's frame, in pixels
} // namespace

QColor ComparisonPane::side_colour(CompareSide side, const QPalette &palette) {
    return okabe_ito(side == CompareSide::a ? OkabeIto::orange : OkabeIto::sky_blue, palette);
}

ComparisonPane::ComparisonPane(CompareSide side, QWidget *parent) : QWidget(parent), side_(side) {
    const bool is_a = side == CompareSide::a;
    setObjectName(is_a ? QStringLiteral("compare_pane_a") : QStringLiteral("compare_pane_b"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(kFrame, kFrame, kFrame, kFrame);
    layout->setSpacing(2);
    auto *header = new QHBoxLayout;
    header->setContentsMargins(4, 2, 4, 2);
    badge_ = new QLabel(is_a ? tr("A") : tr("B"), this);
    badge_->setAlignment(Qt::AlignCenter);
    badge_->setMinimumWidth(28);
    badge_->setAutoFillBackground(true);
    QFont big = badge_->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.3);
    badge_->setFont(big);
    title_ = new QLabel(this);
    title_->setTextFormat(Qt::PlainText);
    title_->setMinimumWidth(60);
    title_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    state_ = new QLabel(this);
    const auto button = [this](const QString &text) {
        auto *b = new QToolButton(this);
        b->setText(text);
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        b->setFocusPolicy(Qt::NoFocus); // the map keeps the keyboard
        return b;
    };
    save_ = button(tr("Save"));
    save_->setToolTip(is_a ? tr("Save design A") : tr("Save design B"));
    save_as_ = button(tr("Save As\u2026"));
    save_as_->setToolTip(is_a ? tr("Save design A under another name")
                              : tr("Save design B under another name"));
    keep_ = button(tr("Keep"));
    keep_->setToolTip(is_a ? tr("End the comparison and go on with design A")
                           : tr("End the comparison and go on with design B"));
    header->addWidget(badge_);
    header->addWidget(title_, 1);
    header->addWidget(state_);
    header->addWidget(save_);
    header->addWidget(save_as_);
    header->addWidget(keep_);
    layout->addLayout(header);
    connect(save_, &QToolButton::clicked, this, &ComparisonPane::save_requested);
    connect(save_as_, &QToolButton::clicked, this, &ComparisonPane::save_as_requested);
    connect(keep_, &QToolButton::clicked, this, &ComparisonPane::keep_requested);
    restyle();
}

void ComparisonPane::set_body(QWidget *body) {
    body_ = body;
    body->setParent(this);
    static_cast<QVBoxLayout *>(layout())->addWidget(body, 1);
    body->show();
}

QWidget *ComparisonPane::take_body() {
    QWidget *body = body_;
    if (body) {
        layout()->removeWidget(body);
        body->setParent(nullptr);
    }
    body_ = nullptr;
    return body;
}

void ComparisonPane::set_title(const QString &title, bool modified) {
    title_->setText(modified ? tr("%1 (not saved)").arg(title) : title);
    title_->setToolTip(title_->text());
}

QString ComparisonPane::title_text() const {
    return title_->text();
}

void ComparisonPane::set_active(bool active) {
    if (active == active_)
        return;
    active_ = active;
    restyle();
    update();
}

void ComparisonPane::restyle() {
    const QColor colour = side_colour(side_, palette());
    QPalette p = badge_->palette();
    p.setColor(QPalette::Window, colour);
    p.setColor(QPalette::WindowText, text_on(colour));
    badge_->setPalette(p);
    // The side being edited says so; the other has a thin frame and says how to edit it.
    state_->setText(active_ ? tr("Editing") : QString());
    setToolTip(active_ ? QString() : tr("Click this design's map to edit it"));
    QFont f = state_->font();
    f.setBold(active_);
    state_->setFont(f);
    setAccessibleName(active_ ? tr("Design %1, being edited").arg(badge_->text())
                              : tr("Design %1").arg(badge_->text()));
}

void ComparisonPane::paintEvent(QPaintEvent *) {
    QPainter p(this);
    const QColor colour = side_colour(side_, palette());
    if (active_) {
        p.fillRect(rect(), colour); // the frame; the header and the body cover the inside
        p.fillRect(rect().adjusted(kFrame, kFrame, -kFrame, -kFrame),
                   palette().color(QPalette::Window));
    } else {
        p.setPen(QPen(palette().color(QPalette::Mid), 1));
        p.drawRect(rect().adjusted(kFrame - 1, kFrame - 1, -kFrame, -kFrame));
    }
}

void ComparisonPane::changeEvent(QEvent *event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        restyle();
}

} // namespace widgets
