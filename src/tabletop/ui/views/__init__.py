"""The screens: each arranges controls from its view-model and wires their events to it."""
