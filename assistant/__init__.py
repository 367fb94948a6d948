"""在留申請 準備アシスタント — prepare ISA online residence applications offline."""

__version__ = "0.1.0"
APP_NAME = "在留申請 準備アシスタント"
APP_NAME_EN = "Residence Application Assistant"
APP_ID = "zairyu-assistant"
