"""Invitations to a workgroup by e-mail: services, the e-mail, the public link and admin screens."""
