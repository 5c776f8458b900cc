from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    """Sign-up stores the profile fields the portal asks for (see forms.SignupForm)."""

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        data = form.cleaned_data
        user.display_name = data.get("display_name", "")
        user.age_band = data.get("age_band", "")
        user.region = data.get("region")
        if commit:
            user.save()
            user.memberships.model.objects.bulk_create(
                [user.memberships.model(user=user, group=g) for g in data.get("groups", [])],
                ignore_conflicts=True,
            )
        return user
