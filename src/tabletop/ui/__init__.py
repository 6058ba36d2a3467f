"""The desktop and browser app (Flet 0.82.2): the only importer of flet.

Screens are views (they arrange controls, in `ui.views`) over view-models (they hold the
screen's state and call `tabletop.app`, in `ui.viewmodels`, with no flet in them); the
look is `ui.theme`. The app holds no game logic: it shows `Situation`s and option previews
and sends `Game` verbs, the path `tabletop play` takes.
"""
