"""The lowest layer of msfood: what every other package may use and nothing here imports back.

The injected clock and the hybrid logical clock stamps every write carries (clock, hlc), record ids
(ids), the unit's key pairs (keys), the error vocabulary (errors), long-task progress (progress),
lazy package attributes (lazy), and this machine's side of things: where data lives (config),
owner-only files (private_files), one app per database (instance_lock), the relaxed cycle collector
for bulk work (collector) and library exceptions in plain words (plain_reason). Its modules import
only the standard library, small third-party packages and msfood.i18n (for the text of errors and
reasons). Deliberately empty: importing msfood.core.clock must not load the rest.
"""
